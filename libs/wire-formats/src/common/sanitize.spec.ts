import { parseWire } from '@lib/wire-formats';
import { htmlToText, sanitizeBody, textToHtml } from './sanitize';

/** Payloads seen in the wild; none may leave anything executable behind. */
const XSS_CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="java&#x09;script:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="//evil.example/">protocol-relative</a>',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<p style="width: expression(alert(1))">expression</p>',
  '<div style="behavior: url(evil.htc)">behavior</div>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<body onload=alert(1)>',
  '<p onclick="alert(1)" onmouseover="alert(1)">handlers</p>',
  '<form action="https://evil.example/"><input name=x><button formaction=javascript:alert(1)>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<a href="https://ok.example/" onclick="alert(1)" target="_blank">ok</a>',
  '<img src="https://ok.example/a.jpg" onload="alert(1)" style="x">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<script>alert(1)//--><p>after comment</p>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
];

/** What must never survive: script-capable elements, handlers, styles, dangerous schemes. */
const FORBIDDEN = [
  /<script/i,
  /<iframe/i,
  /<svg/i,
  /<math/i,
  /<object/i,
  /<embed/i,
  /<style/i,
  /<form/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /\son[a-z]+\s*=/i,
  /\sstyle\s*=/i,
  /\ssrcdoc\s*=/i,
  /(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i,
  /(?:href|src)\s*=\s*["']?\/\//i,
  /expression\s*\(/i,
];

describe('body sanitising', () => {
  it.each(XSS_CORPUS.map((payload) => [payload]))('neutralises %s', (payload) => {
    const html = sanitizeBody(`<p>before</p>${payload}<p>after</p>`);
    for (const pattern of FORBIDDEN) expect(html).not.toMatch(pattern);
    expect(html).toContain('<p>before</p>');
  });

  it('neutralises the corpus end to end through a feed body', () => {
    const body = XSS_CORPUS.join('\n');
    const xml = `<rss version="2.0"><channel><title>T</title><item><guid>urn:x:1</guid><title>t</title>
<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item></channel></rss>`;
    const [story] = parseWire(Buffer.from(xml)).stories;
    for (const pattern of FORBIDDEN) expect(story.body_html ?? '').not.toMatch(pattern);
    expect(story.body_text ?? '').not.toMatch(/alert\(1\)<|<script/i);
  });

  it('keeps the allow-listed markup', () => {
    const html =
      '<h2>Sub</h2><p>A <strong>b</strong> <em>c</em> <b>d</b> <i>e</i><br>f</p><ul><li>one</li></ul><ol><li>two</li></ol>' +
      '<blockquote>q</blockquote><p><a href="https://x.example/">web</a> <a href="mailto:desk@x.example">mail</a></p>' +
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<figure><img src="https://x.example/p.jpg" alt="p"><figcaption>cap</figcaption></figure>';
    expect(sanitizeBody(html)).toBe(
      '<h2>Sub</h2><p>A <strong>b</strong> <em>c</em> <b>d</b> <i>e</i><br />f</p><ul><li>one</li></ul><ol><li>two</li></ol>' +
        '<blockquote>q</blockquote><p><a href="https://x.example/">web</a> <a href="mailto:desk@x.example">mail</a></p>' +
        '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
        '<figure><img src="https://x.example/p.jpg" alt="p" /><figcaption>cap</figcaption></figure>',
    );
  });

  it('drops images that are not http(s) and empty paragraphs, keeps the text of unknown tags', () => {
    expect(
      sanitizeBody('<p></p><p> </p><img src="ftp://x/a.jpg"><p>Hi <company>ACME</company></p>'),
    ).toBe('<p>Hi ACME</p>');
  });

  it('writes body_text as paragraphs separated by blank lines', () => {
    expect(
      htmlToText(
        sanitizeBody(
          '<p>One\n two</p><h2>Head</h2><p>Line<br>break &amp; more</p><ul><li>a</li><li>b</li></ul>',
        ),
      ),
    ).toBe('One two\n\nHead\n\nLine\nbreak & more\n\na\n\nb');
  });

  it('refuses absurdly deep nesting before it reaches the sanitiser, quickly', () => {
    const started = Date.now();
    expect(() => sanitizeBody(`${'<div>'.repeat(200_000)}x`)).toThrow(
      /nested deeper than 256 elements/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not count unclosed paragraphs and list items as nesting', () => {
    const legacy = `${'<p>para'.repeat(1000)}<ul>${'<li>item'.repeat(1000)}</ul><br><br>`;
    expect(htmlToText(sanitizeBody(legacy)).split('\n\n')).toHaveLength(2000);
  });

  it('escapes plain text when turning it into paragraphs', () => {
    expect(textToHtml('a < b & c\nnext line\n\n<script>x</script>')).toBe(
      '<p>a &lt; b &amp; c<br />next line</p><p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });
});
