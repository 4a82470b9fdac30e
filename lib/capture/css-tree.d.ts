// css-tree ships no types for its subpath entry points; only what snapshot-css-refs.ts uses.
declare module 'css-tree/tokenizer' {
  export function tokenize(source: string, onToken: (type: number, start: number, end: number) => void): void;
}
declare module 'css-tree/utils' {
  interface Codec {
    decode(raw: string): string;
    encode(value: string): string;
  }
  export const ident: Codec;
  export const string: Codec;
  export const url: Codec;
}
