import { EnTeteInvalide, SourceAnnuaire, lireAnnuaire, lireCsv } from './lecture-annuaire';

async function toutes<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

/** The text cut in pieces of `taille` bytes, as a file stream delivers it (cuts inside a UTF-8 character included). */
async function* morceaux(texte: string, taille: number) {
  const octets = Buffer.from(texte, 'utf8');
  for (let i = 0; i < octets.length; i += taille) yield octets.subarray(i, i + taille);
}

describe('lireCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, a BOM and CRLF, at any chunk size', async () => {
    const texte = '\ufeffa;b;c\r\n"x;y";"il dit ""oui""";"deux\nlignes"\r\n;;\r\nÉcole;Lycée;fin';
    for (const taille of [1, 2, 3, 7, 1000]) {
      await expect(toutes(lireCsv(morceaux(texte, taille)))).resolves.toEqual([
        ['a', 'b', 'c'],
        ['x;y', 'il dit "oui"', 'deux\nlignes'],
        ['', '', ''],
        ['École', 'Lycée', 'fin'],
      ]);
    }
  });

  it('skips blank lines', async () => {
    await expect(toutes(lireCsv(morceaux('a;b\n\n1;2\n\n', 4)))).resolves.toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('lireAnnuaire', () => {
  it('reads the columns of the Annuaire de l’éducation by name, in any order, ignoring the others', async () => {
    const texte = 'etat;Code_commune;Autre;Nom_etablissement;Identifiant_de_l_etablissement;Type_etablissement;Statut_public_prive\nOUVERT;45234;x;Lycée Pothier;0450049J;Lycée;Public\n';
    await expect(toutes(lireAnnuaire(morceaux(texte, 5)))).resolves.toEqual([
      {
        source: SourceAnnuaire.EDUCATION,
        ligne: { uai: '0450049J', libelle: 'Lycée Pothier', type: 'Lycée', statut: 'Public', commune: '45234', etat: 'OUVERT' },
      },
    ]);
  });

  it('reads the higher-education directory by its own column names', async () => {
    const texte = "uai;uo_lib;type d'établissement;secteur d'établissement;com_code;com_nom\n0450855K;Université d'Orléans;Université;public;45234;Orléans\n";
    const [ligne] = await toutes(lireAnnuaire(morceaux(texte, 1000)));
    expect(ligne).toEqual({
      source: SourceAnnuaire.SUPERIEUR,
      ligne: { uai: '0450855K', libelle: "Université d'Orléans", type: 'Université', statut: 'public', commune: '45234', etat: '' },
    });
  });

  it('refuses a header without the columns it needs, naming them', async () => {
    const lecture = toutes(lireAnnuaire(morceaux('uai,nom,commune\n0450049J,Pothier,45234\n', 100)));
    await expect(lecture).rejects.toThrow(EnTeteInvalide);
    await expect(toutes(lireAnnuaire(morceaux('Nom_etablissement;Code_commune\nx;45234\n', 100)))).rejects.toThrow(/IDENTIFIANT_DE_L_ETABLISSEMENT/);
  });
});
