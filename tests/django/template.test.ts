import { describe, expect, it } from 'vitest';
import { Template } from '../../src/django/template/engine';

describe('the template engine', () => {
  it('escapes {{ name }} and leaves {{ name|safe }} as it is', () => {
    const t = new Template('<p>{{ name }}</p><div>{{ name|safe }}</div><i>{{name | safe}}</i>');
    expect(t.render({ name: `<script>alert('x')</script> & "co"` })).toBe(
      `<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;co&quot;</p>` +
        `<div><script>alert('x')</script> & "co"</div>` +
        `<i><script>alert('x')</script> & "co"</i>`,
    );
  });

  it('renders a missing variable as nothing, and an unknown filter as text', () => {
    expect(new Template('[{{ nope }}][{{ nope|safe }}]').render({})).toBe('[][]');
    expect(new Template('{{ name|upper }}').render({ name: 'a' })).toBe('{{ name|upper }}');
  });

  it('loops with {% for %}, and renders {% empty %} for an empty list', () => {
    const t = new Template(
      '<ul>{% for m in items %}<li>{{ m }}</li>{% empty %}<li>none</li>{% endfor %}</ul>{{ m }}',
    );
    expect(t.render({ items: ['<b>', 'x'] })).toBe('<ul><li>&lt;b&gt;</li><li>x</li></ul>');
    expect(t.render({ items: [] })).toBe('<ul><li>none</li></ul>');
    expect(t.render({})).toBe('<ul><li>none</li></ul>');
    expect(
      new Template('{% for m in items %}{{ m|safe }}{% endfor %}').render({ items: ['<b>'] }),
    ).toBe('<b>');
  });

  it('never reads a value as template text (one pass over the source)', () => {
    const t = new Template('{{ a|safe }}|{{ a }}|{% for x in xs %}{{ x|safe }}{% endfor %}');
    expect(
      t.render({ a: '{{ secret }}', xs: ['{% for y in s %}{{ y }}{% endfor %}'], secret: 'S' }),
    ).toBe('{{ secret }}|{{ secret }}|{% for y in s %}{{ y }}{% endfor %}');
  });
});
