import { compteCree } from './compte.templates';
import { escapeHtml } from './mail-template';

describe('mail templates', () => {
  it('escapes what the candidate typed in the HTML part, not in the text part', () => {
    const mail = compteCree({
      prenom: '<script>alert(1)</script>',
      nom: 'O\'Brien & "fils"',
      numeroDossier: '0WBZPM9X',
      lien: 'https://candidatures.univ.fr/activation?token=abc&x=1',
      avant: new Date('2026-11-27T18:00:00Z'),
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;fils&quot;');
    expect(mail.html).toContain('href="https://candidatures.univ.fr/activation?token=abc&amp;x=1"');
    expect(mail.text).toContain('Bonjour <script>alert(1)</script> O\'Brien & "fils",');
    expect(mail.text).toContain('https://candidatures.univ.fr/activation?token=abc&x=1');
    expect(mail.text).toContain('27 novembre 2026 à 19:00');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
