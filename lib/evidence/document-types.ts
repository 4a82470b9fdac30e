/** The kinds and MIME types of documents stored as evidence bytes. */
export type DocumentKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'image';

export const MIME_BY_KIND: Record<Exclude<DocumentKind, 'image'>, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The only types stored as document bytes: what the ITA evidence documents are, never markup or scripts. */
export const ALLOWED_DOCUMENT_MIMES: readonly string[] = [
  ...Object.values(MIME_BY_KIND),
  'image/png',
  'image/jpeg',
  'image/gif',
];
