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
  | 'duplicate-entry';

export interface ZipError {
  code: ZipErrorCode;
  /** The entry the problem is about, when there is one. */
  file?: string;
  params?: Record<string, string | number>;
}
