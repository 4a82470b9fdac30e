import type { ResponseBody } from './read-capped';

/** What re-verify reads of a response: the browser's Response has it, and so has the CLI's guarded fetch. */
export interface FetchResponse {
  status: number;
  type: string;
  url: string;
  redirected: boolean;
  headers: { get(name: string): string | null };
  /** Decoded bytes (Content-Encoding undone); read through lib/net/read-capped. */
  body: ResponseBody | null;
}
