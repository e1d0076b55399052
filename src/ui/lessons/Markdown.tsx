/** Lesson prose (a safe Markdown tree from src/lessons) as React elements; never as HTML. */
import { renderInline, type MdBlock, type MdInline } from '../../lessons/markdown';

function Inline({ nodes }: { nodes: MdInline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case 'text':
            return n.text;
          case 'code':
            return <code key={i}>{n.text}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <Inline nodes={n.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inline nodes={n.children} />
              </em>
            );
          case 'link':
            return (
              <a
                key={i}
                href={n.href}
                {...(n.kind === 'external' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                <Inline nodes={n.children} />
              </a>
            );
        }
      })}
    </>
  );
}

/** One line of lesson text (a prediction's question or option): `code`, **bold**, links. */
export function InlineMarkdown({ text }: { text: string }) {
  return <Inline nodes={renderInline(text)} />;
}

export function Markdown({ blocks }: { blocks: MdBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'p':
            return (
              <p key={i}>
                <Inline nodes={b.children} />
              </p>
            );
          case 'ul':
          case 'ol': {
            const items = b.children.map((li, j) => (
              <li key={j}>
                <Inline nodes={li.children} />
              </li>
            ));
            return b.type === 'ul' ? (
              <ul key={i}>{items}</ul>
            ) : (
              <ol key={i} start={b.start}>
                {items}
              </ol>
            );
          }
          case 'callout':
            return (
              <aside key={i} className="callout">
                <Markdown blocks={b.children} />
              </aside>
            );
          case 'pre':
            return (
              <pre key={i} className="code-sample">
                {b.text}
              </pre>
            );
        }
      })}
    </>
  );
}
