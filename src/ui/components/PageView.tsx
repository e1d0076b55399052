/**
 * Renders a simulated browser's page from its safe render tree (never as HTML): forms submit
 * through the simulated browser, links navigate it.
 *
 * A big page (a guestbook with 50,000 messages) is drawn in chunks of CHUNK nodes, one chunk per
 * task with the page free in between, each chunk its own block that the browser lays out only
 * when it nears the screen (`content-visibility: auto`). Drawing therefore takes time in
 * proportion to the page and no step holds the page for long; a page of one chunk (every page
 * of the tutorial) is drawn at once, as before. Chunks already drawn never render again, except
 * the few holding form fields when something is typed.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { chunkPage, type Page, type PageNode } from '../../browser/page';
import { formatNumber } from '../format';

/** Nodes per chunk: small enough to draw in a few milliseconds, big enough to be few. */
export const CHUNK = 500;

interface Props {
  page: Page;
  onSubmit: (formIndex: number, values: Record<string, string>) => void;
  onNavigate: (href: string) => void;
  origin: string;
}

type Values = Record<string, string>;

interface ChunkProps {
  nodes: PageNode[];
  id: number;
  formIndex: Map<PageNode, number>;
  /** The typed values, or null for a chunk without fields (it never needs them). */
  values: Values | null;
  setValue: (field: string, value: string) => void;
  submit: (index: number) => void;
  navigate: (href: string) => void;
  origin: string;
}

const Chunk = memo(function Chunk({
  nodes,
  id,
  formIndex,
  values,
  setValue,
  submit,
  navigate,
  origin,
}: ChunkProps) {
  const { t } = useTranslation();
  const render = (list: PageNode[], form: number | null, path: string): ReactNode[] =>
    list.map((n, i) => {
      const key = `${path}.${i}`;
      if (n.type === 'text') return n.text;
      const children = (fi: number | null) => render(n.children, fi, key);
      switch (n.tag) {
        case 'form': {
          const index = formIndex.get(n) ?? 0;
          return (
            <form
              key={key}
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                submit(index);
              }}
              className="page-form"
              aria-label={n.attrs.name || t('browser.form')}
            >
              {children(index)}
            </form>
          );
        }
        case 'input': {
          const type = n.attrs.type ?? 'text';
          const name = n.attrs.name ?? '';
          const field = `${form}:${name}`;
          if (type === 'submit')
            return <input key={key} type="submit" value={n.attrs.value || t('browser.submit')} />;
          if (type === 'hidden') return null;
          return (
            <input
              key={key}
              type={type}
              name={name}
              placeholder={n.attrs.placeholder}
              aria-label={n.attrs.placeholder || name}
              value={values?.[field] ?? n.attrs.value ?? ''}
              onChange={(e) => setValue(field, e.target.value)}
              autoComplete="off"
            />
          );
        }
        case 'button':
          return (
            <button key={key} type={n.attrs.type === 'button' ? 'button' : 'submit'}>
              {children(form)}
            </button>
          );
        case 'a': {
          const href = n.attrs.href;
          if (!href) return <span key={key}>{children(form)}</span>;
          return (
            <a
              key={key}
              href={new URL(href, origin).href}
              onClick={(e) => {
                e.preventDefault();
                navigate(href);
              }}
            >
              {children(form)}
            </a>
          );
        }
        case 'br':
          return <br key={key} />;
        case 'hr':
          return <hr key={key} />;
        default: {
          // Server headings sit inside the browser frame: one level below the panel's heading.
          const Tag = /^h[1-6]$/.test(n.tag)
            ? (`h${Math.min(6, Number(n.tag[1]) + 2)}` as 'h3')
            : n.tag;
          return <Tag key={key}>{children(form)}</Tag>;
        }
      }
    });
  return <>{render(nodes, null, `c${id}`)}</>;
});

export function PageView({ page, onSubmit, onNavigate, origin }: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Values>({});
  const { chunks, formIndex, hasInputs } = useMemo(
    () => chunkPage(page.raw ? [] : page.nodes, CHUNK),
    [page],
  );
  const [shown, setShown] = useState(1);
  // One more chunk per task until all are drawn: the page stays responsive in between.
  useEffect(() => {
    if (shown >= chunks.length) return;
    const timer = setTimeout(() => setShown((s) => s + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, chunks.length]);
  // Stable callbacks: a drawn chunk does not render again because of them.
  const latest = useRef({ values, onSubmit, onNavigate });
  latest.current = { values, onSubmit, onNavigate };
  const setValue = useCallback(
    (field: string, value: string) => setValues((v) => ({ ...v, [field]: value })),
    [],
  );
  const submit = useCallback((index: number) => {
    const own: Values = {};
    for (const [k, v] of Object.entries(latest.current.values))
      if (k.startsWith(`${index}:`)) own[k.slice(String(index).length + 1)] = v;
    latest.current.onSubmit(index, own);
  }, []);
  const navigate = useCallback((href: string) => latest.current.onNavigate(href), []);

  if (page.raw)
    return (
      <pre className="page-raw">{(page.nodes[0] as { text: string } | undefined)?.text ?? ''}</pre>
    );
  const lang = i18n.language;
  const chunkProps = (i: number) => ({
    nodes: chunks[i] as PageNode[],
    id: i,
    formIndex,
    values: hasInputs[i] ? values : null,
    setValue,
    submit,
    navigate,
    origin,
  });
  const drawing = shown < chunks.length;
  return (
    <div className="page-content" aria-busy={drawing || undefined}>
      {page.cut && (
        <p className="page-limit">
          {t('pageLimit.cut', {
            nodes: formatNumber(page.cut.nodes, lang),
            limit: formatNumber(page.cut.limit, lang),
          })}
        </p>
      )}
      {chunks.length === 1 ? (
        <Chunk {...chunkProps(0)} />
      ) : (
        chunks.slice(0, shown).map((_, i) => (
          <div className="page-chunk" key={i}>
            <Chunk {...chunkProps(i)} />
          </div>
        ))
      )}
      {drawing && (
        <p className="page-limit">
          <progress max={chunks.length} value={shown} aria-label={t('pageLimit.drawing')} />{' '}
          {t('pageLimit.drawing')}
        </p>
      )}
    </div>
  );
}
