// The ↑ 上へ / ↓ 下へ / 削除 buttons of one item the editor can reorder (a goal, a target, a
// bullet). Their ids (`<id>-up`, `<id>-down`) let the page put the focus back on the button
// after a move, so a keyboard user can keep moving the item.
export function MoveRemoveButtons(props: {
  /** The item's field id. */
  id: string;
  /** 「目標2 の 手段 1」: names the item in each button's accessible name, after the visible
   * text (WCAG 2.5.3: a voice-control user says what they see, 「この目標を削除」). */
  name: string;
  index: number;
  count: number;
  removeText: string;
  canRemove?: boolean;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  return (
    <>
      <button
        type="button"
        id={`${props.id}-up`}
        className="tool-button"
        disabled={props.index === 0}
        aria-label={`上へ（${props.name} を移動）`}
        onClick={() => props.onMove(-1)}
      >
        <span aria-hidden="true">↑</span> 上へ
      </button>
      <button
        type="button"
        id={`${props.id}-down`}
        className="tool-button"
        disabled={props.index === props.count - 1}
        aria-label={`下へ（${props.name} を移動）`}
        onClick={() => props.onMove(1)}
      >
        <span aria-hidden="true">↓</span> 下へ
      </button>
      <button
        type="button"
        className="tool-button tool-danger"
        disabled={props.canRemove === false}
        aria-label={`${props.removeText}（${props.name}）`}
        onClick={props.onRemove}
      >
        {props.removeText}
      </button>
    </>
  );
}
