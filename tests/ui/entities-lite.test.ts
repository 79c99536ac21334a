import { describe, it, expect } from 'vitest';
import { decodeHTMLStrict as real } from 'entities';
import { decodeHTMLStrict } from '../../src/ui/entities-lite';

describe('entities-lite', () => {
  it('decodes numeric and common named references, and leaves unknown names as written', () => {
    expect(decodeHTMLStrict('a &amp; b &lt;c&gt; &#65;&#x42; &rarr; &nosuch; &amp')).toBe('a & b <c> AB → &nosuch; &amp');
  });

  it('agrees with the entities package on the references scenario descriptions use', () => {
    const samples = ['x &copy; y', 'a &mdash; b &ndash; c', '&#x1F600; &#128512;', 'AT&amp;T', '&lt;code&gt;', '&quot;q&quot; &apos;', '3 &times; 4 &le; 12', '&#0; &#xD800;', 'caf&#233;'];
    for (const s of samples) expect(decodeHTMLStrict(s), s).toBe(real(s));
  });
});
