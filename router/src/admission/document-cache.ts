/**
 * Documents that passed parsing, the document budget and validation, by their text: a dashboard
 * sends the same few dozen operations all day, and validating them again on every request is
 * wasted CPU. Only valid documents are kept (the verdict does not depend on the caller), with a
 * bounded count and size, least recently used first out.
 */
import type { DocumentNode } from 'graphql';

/** Documents kept. */
const MAX_ENTRIES = 500;
/** Longer texts are not kept (a few large documents must not crowd out the dashboards' own). */
const MAX_TEXT_CHARS = 32 * 1024;

/** A bounded LRU of valid documents. */
export class ValidDocumentCache {
  private readonly entries = new Map<string, DocumentNode>();

  /**
   * The valid document for a text, if known.
   * @param text - the document text
   */
  get(text: string): DocumentNode | undefined {
    const document = this.entries.get(text);
    if (document) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(text);
      this.entries.set(text, document);
    }
    return document;
  }

  /**
   * Remembers a document that passed validation.
   * @param text - its text
   * @param document - the parsed document
   */
  set(text: string, document: DocumentNode): void {
    if (text.length > MAX_TEXT_CHARS) return;
    this.entries.delete(text);
    this.entries.set(text, document);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
