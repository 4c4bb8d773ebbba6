/**
 * deck.gl re-uploads a binary attribute when it is handed a new descriptor object, and skips it when the
 * descriptor is the same object. So a column written in place is wrapped anew exactly when its version moved:
 * unchanged columns cost nothing, a changed one costs one buffer upload, and no accessor runs per object.
 */
export interface BinaryColumn {
  value: Float64Array | Float32Array | Uint8Array;
  size: number;
  normalized?: boolean;
}

export class ColumnCache {
  private columns = new Map<string, { version: number; value: unknown; column: BinaryColumn }>();

  get(
    key: string,
    value: BinaryColumn['value'],
    version: number,
    size: number,
    normalized = false,
  ): BinaryColumn {
    const hit = this.columns.get(key);
    if (hit && hit.version === version && hit.value === value) return hit.column;
    const column: BinaryColumn = normalized ? { value, size, normalized } : { value, size };
    this.columns.set(key, { version, value, column });
    return column;
  }
}

/** Binary data for a layer: `layout` changes only when the rows themselves change (see `keepRows`). */
export interface BinaryData {
  length: number;
  layout: number;
  attributes: Record<string, BinaryColumn>;
}

/**
 * For `_dataDiff`: a new data object with the same rows invalidates no accessor (only the binary columns that were
 * wrapped anew are uploaded); new rows rebuild everything.
 */
export function keepRows(next: BinaryData, prev: BinaryData): { startRow: number; endRow: number }[] {
  return next.layout === prev.layout && next.length === prev.length
    ? []
    : [{ startRow: 0, endRow: next.length }];
}
