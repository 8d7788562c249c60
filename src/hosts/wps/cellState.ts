import { XL_NONE } from './etConstants';
import { call, child, EtObject, numberProp, prop, setProp } from './etObject';

/**
 * What PerfCheck changes on a cell and must put back exactly: its fill (colour,
 * pattern and colour index, since "no fill" and "white fill" have the same colour and
 * differ only in the pattern) and its comment text (null when it has no comment).
 */
export interface CellState {
  pattern: number;
  colour: number;
  colorIndex: number;
  comment: string | null;
}

export function readCellState(cell: EtObject): CellState {
  const interior = child(cell, 'Interior');
  return {
    pattern: numberProp(interior, 'Pattern'),
    colour: numberProp(interior, 'Color'),
    colorIndex: numberProp(interior, 'ColorIndex'),
    comment: commentText(cell),
  };
}

export function restoreCellState(cell: EtObject, state: CellState): void {
  const interior = child(cell, 'Interior');
  if (state.pattern === XL_NONE || state.colorIndex === XL_NONE) {
    setProp(interior, 'ColorIndex', XL_NONE);
  } else {
    // Setting Color makes the pattern solid; the recorded pattern goes back after it.
    setProp(interior, 'Color', state.colour);
    setProp(interior, 'Pattern', state.pattern);
  }
  setCommentText(cell, state.comment);
}

/** The cell's comment text, or null when it has none. */
export function commentText(cell: EtObject): string | null {
  const comment = prop(cell, 'Comment');
  if (typeof comment !== 'object' || comment === null) return null;
  return String(prop(comment, 'Text') ?? '');
}

/**
 * Sets the cell's comment to exactly this text, editing the existing comment in place
 * (so a user's comment keeps its author and size); null removes the comment.
 */
export function setCommentText(cell: EtObject, text: string | null): void {
  const comment = prop(cell, 'Comment');
  const has = typeof comment === 'object' && comment !== null;
  if (text === null) {
    if (has) call(comment, 'Delete');
  } else if (!has) {
    call(cell, 'AddComment', text);
  } else if (typeof (comment as EtObject).Text === 'function') {
    // Comment.Text(text) without a start position replaces the whole text.
    call(comment, 'Text', text);
  } else {
    setProp(comment, 'Text', text);
  }
}
