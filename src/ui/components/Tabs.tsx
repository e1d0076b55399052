/**
 * An accessible tab list (WAI-ARIA tabs pattern): arrow keys move between tabs, Home/End jump,
 * only the selected tab is in the Tab order, and each panel is labelled by its tab.
 */
import { useRef, type ReactNode, type KeyboardEvent } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export function Tabs(props: {
  label: string;
  items: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  idPrefix: string;
  /** Controls that belong on the tabs' row (outside the tab list itself), e.g. "+ browser". */
  extra?: ReactNode;
}) {
  const { items, selected, onSelect, idPrefix } = props;
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = items.findIndex((it) => it.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % items.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const id = (items[next] as TabItem).id;
    onSelect(id);
    refs.current.get(id)?.focus();
  };
  const current = items.find((it) => it.id === selected) ?? items[0];
  return (
    <div className="tabs">
      <div className="tabs-row">
        <div role="tablist" aria-label={props.label} className="tablist" onKeyDown={onKeyDown}>
          {items.map((it) => (
            <button
              key={it.id}
              ref={(el) => {
                if (el) refs.current.set(it.id, el);
                else refs.current.delete(it.id);
              }}
              role="tab"
              type="button"
              id={`${idPrefix}-tab-${it.id}`}
              aria-selected={it.id === current?.id}
              aria-controls={`${idPrefix}-panel-${it.id}`}
              tabIndex={it.id === current?.id ? 0 : -1}
              onClick={() => onSelect(it.id)}
            >
              {it.label}
            </button>
          ))}
        </div>
        {props.extra}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${idPrefix}-panel-${current.id}`}
          aria-labelledby={`${idPrefix}-tab-${current.id}`}
          className="tabpanel"
          tabIndex={0}
        >
          {current.content}
        </div>
      )}
    </div>
  );
}
