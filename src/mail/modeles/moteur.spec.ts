import { Langue } from '../../common/i18n/langue';
import { CATALOGUE } from './catalogue';
import { VariableModele, rendreModele, verifierModele } from './moteur';

const VARIABLES: Record<string, VariableModele> = {
  nom: { description: 'Nom', exemple: 'Martin' },
  lien: { description: 'Lien', exemple: 'https://x.fr/?a=1&b=2' },
  demat: { description: 'En ligne', exemple: true },
  pieces: { description: 'Pièces', exemple: [], elements: { libelle: 'Libellé', refusee: 'Refusée' } },
};
const verifier = (corps: string, sujet = 'Sujet') => verifierModele({ sujet, corps }, VARIABLES);

describe('mail template engine', () => {
  it('accepts the variables, blocks and link of its mail code', () => {
    expect(verifier('Bonjour {{nom}},\n\n{{#if demat}}oui{{else}}non{{/if}}\n\n{{#each pieces}}- {{libelle}} {{#unless refusee}}ok{{/unless}} {{@index}} {{../nom}}\n\n{{/each}}\n\n{{lien lien "Voir"}}')).toEqual([]);
  });

  it.each([
    ['{{prenom}}', 'prenom'],
    ['{{#if inconnue}}x{{/if}}', 'inconnue'],
    ['{{#each pieces}}{{nom}}{{/each}}', 'nom'],
    ['{{libelle}}', 'libelle'],
    ['{{lien adresse "Voir"}}', 'adresse'],
    ['{{nom.length}}', 'nom.length'],
    ['{{@root.nom}}', '@root.nom'],
  ])('refuses %s, naming « %s »', (corps, nom) => {
    expect(verifier(corps)).toEqual([{ champ: 'corps', message: `utilise la variable inconnue « ${nom} »` }]);
  });

  it('checks the subject too, and says which field', () => {
    expect(verifier('{{nom}}', 'Bonjour {{prenom}}')).toEqual([{ champ: 'sujet', message: 'utilise la variable inconnue « prenom »' }]);
  });

  it.each(['{{lookup nom "x"}}', '{{> partiel}}', '{{#with nom}}x{{/with}}', '{{log nom}}', '{{#each nom}}x{{/each}}', '{{lien lien}}', '{{#if (eq nom "x")}}x{{/if}}'])('refuses %s, which is not one of its constructs', (corps) => {
    expect(verifier(corps)).toHaveLength(1);
  });

  it('refuses a text that does not parse', () => {
    const [erreur] = verifier('Bonjour {{#if demat}}');
    expect(erreur.champ).toBe('corps');
    expect(erreur.message).toMatch(/^n'est pas un modèle valide/);
  });

  it('accepts every shipped text of every editable mail code', () => {
    expect(CATALOGUE.size).toBeGreaterThan(25);
    for (const d of CATALOGUE.values()) {
      for (const langue of Object.values(Langue)) expect({ code: d.code, langue, erreurs: verifierModele(d.textes[langue], d.variables) }).toEqual({ code: d.code, langue, erreurs: [] });
    }
  });

  it('renders paragraphs, the link and the values: as typed in the text part, escaped (with its own words) in the HTML part', () => {
    const source = { sujet: 'Pour {{nom}}\n & co', corps: "Bonjour {{nom}} & l'équipe,\n\n{{#if demat}}\n\n{{/if}}\n\n{{lien lien \"J'y vais\"}}\n" };
    const fr = rendreModele(source, { nom: '<b>Li</b>', lien: 'https://x.fr/?a=1&b=2', demat: false }, Langue.FR);
    expect(fr.subject).toBe('Pour <b>Li</b> & co');
    expect(fr.text).toBe("Bonjour <b>Li</b> & l'équipe,\n\nJ'y vais : https://x.fr/?a=1&b=2\n");
    expect(fr.html).toBe('<!doctype html><html lang="fr"><body>\n<p>Bonjour &lt;b&gt;Li&lt;/b&gt; &amp; l&#39;équipe,</p>\n<p><a href="https://x.fr/?a=1&amp;b=2">J&#39;y vais</a></p>\n</body></html>\n');
    expect(rendreModele(source, { nom: 'Li', lien: 'https://x.fr', demat: false }, Langue.EN).text).toContain("J'y vais: https://x.fr");
  });

  it('keeps markup typed by staff in a template as text', () => {
    const mail = rendreModele({ sujet: 's', corps: '<script>alert(1)</script> {{nom}}' }, { nom: 'x' }, Langue.FR);
    expect(mail.html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; x</p>');
  });

  it('cannot reach prototypes or helpers it was not given', () => {
    expect(verifier('{{constructor}}')).toEqual([{ champ: 'corps', message: 'utilise la variable inconnue « constructor »' }]);
    expect(rendreModele({ sujet: 's', corps: '{{nom}}' }, {}, Langue.FR).text).toBe('\n');
  });
});
