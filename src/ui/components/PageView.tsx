/**
 * Renders a simulated browser's page from its safe render tree (never as HTML): forms submit
 * through the simulated browser, links navigate it.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, PageNode } from '../../browser/page';

interface Props {
  page: Page;
  onSubmit: (formIndex: number, values: Record<string, string>) => void;
  onNavigate: (href: string) => void;
  origin: string;
}

export function PageView({ page, onSubmit, onNavigate, origin }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  if (page.raw)
    return (
      <pre className="page-raw">{(page.nodes[0] as { text: string } | undefined)?.text ?? ''}</pre>
    );
  let formCounter = 0;
  const render = (nodes: PageNode[], formIndex: number | null, path: string): ReactNode[] =>
    nodes.map((n, i) => {
      const key = `${path}.${i}`;
      if (n.type === 'text') return n.text;
      const children = (fi: number | null) => render(n.children, fi, key);
      switch (n.tag) {
        case 'form': {
          const index = formCounter++;
          const submit = (e: FormEvent) => {
            e.preventDefault();
            const own: Record<string, string> = {};
            for (const [k, v] of Object.entries(values))
              if (k.startsWith(`${index}:`)) own[k.slice(String(index).length + 1)] = v;
            onSubmit(index, own);
          };
          return (
            <form
              key={key}
              onSubmit={submit}
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
          const field = `${formIndex}:${name}`;
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
              value={values[field] ?? n.attrs.value ?? ''}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              autoComplete="off"
            />
          );
        }
        case 'button':
          return (
            <button key={key} type={n.attrs.type === 'button' ? 'button' : 'submit'}>
              {children(formIndex)}
            </button>
          );
        case 'a': {
          const href = n.attrs.href;
          if (!href) return <span key={key}>{children(formIndex)}</span>;
          return (
            <a
              key={key}
              href={new URL(href, origin).href}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(href);
              }}
            >
              {children(formIndex)}
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
          return <Tag key={key}>{children(formIndex)}</Tag>;
        }
      }
    });
  return <div className="page-content">{render(page.nodes, null, 'p')}</div>;
}
