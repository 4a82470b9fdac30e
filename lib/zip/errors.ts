/** What the zip reader can report. The bundle layer gives each code its { th, en } text. */
export type ZipErrorCode =
  | 'empty-file'
  | 'not-zip'
  | 'zip-truncated'
  | 'zip-unsupported'
  | 'zip-inconsistent'
  | 'zip-encrypted'
  | 'zip-method'
  | 'too-many-entries'
  | 'too-large'
  | 'ratio-too-high'
  | 'size-mismatch'
  | 'crc-mismatch'
  | 'inflate-failed'
  | 'path-unsafe'
  | 'duplicate-entry'
  | 'zip64'
  | 'zip-appended-data'
  | 'zip-prepended-data'
  | 'zip-cd-not-at-end'
  | 'zip-unaccounted-bytes'
  | 'zip-entry-type'
  | 'zip-entry-mode'
  | 'name-collision';

export interface ZipError {
  code: ZipErrorCode;
  /** The entry the problem is about, when there is one. */
  file?: string;
  params?: Record<string, string | number>;
}
