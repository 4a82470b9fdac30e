/** Terminal column width of text: Thai vowel/tone marks and other combining marks take no column. */
const ZERO_WIDTH = /[\u0300-\u036f\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200b-\u200d]/g;

export function displayWidth(s: string): number {
  return [...s.replace(ZERO_WIDTH, '')].length;
}

export function padEndDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
