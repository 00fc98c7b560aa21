// Types for the <speech-lens> element (importing 'speechlens/widget' registers it).
import type { Analysis } from '../speechlens.js';

export type SpeechLensPanel = 'input' | 'text' | 'terms' | 'slogans' | 'outline' | 'check' | 'compare' | 'corpus';

export declare class SpeechLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The text being analysed; setting it re-analyses (not written back to the `text` attribute). */
  text: string;
  /** Which parts show, separated by spaces: any `SpeechLensPanel` (default all). */
  panels: string;
  /** Words to keep whole: the `user-words` attribute's and those the reader added in the view. */
  userWords: string[];
  /** The last analysis, or null before the first. */
  readonly result: Analysis | null;
  /** Analyses `text` (or the current text) now; resolves to the newest analysis. */
  analyze(text?: string): Promise<Analysis>;
  /** Opens a .txt file (UTF-8, UTF-16 or GB18030) as the text, as the file button and dropping a file do. */
  openFile(file: File): Promise<void>;
  /** Opens a .txt file as the earlier text to compare this one with (`compare(earlier, text)`), and compares. */
  openCompareFile(file: File): Promise<void>;
  /** Opens .txt and .jsonl files as a corpus: a table of the documents by date and a trend of terms across them. */
  openCorpus(files: Iterable<File>): Promise<void>;
  /** One file as the text, several as a corpus. */
  openFiles(files: ArrayLike<File> & Iterable<File>): Promise<void>;
}

export interface SpeechLensEventMap {
  'speechlens-ready': CustomEvent<undefined>;
  'speechlens-analyzed': CustomEvent<Analysis>;
  'speechlens-error': CustomEvent<{ error: Error & { kind?: string } }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'speech-lens': SpeechLensElement;
  }
  interface HTMLElementEventMap extends SpeechLensEventMap {}
}
