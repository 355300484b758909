import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Civilite } from '../candidat/entities/candidat.entity';
import { Clock } from '../common/clock/clock';
import { FileOpi } from './file.adapter';
import { NatureOpi } from './opi.entity';
import { LigneOpi } from './opi.port';

const HEADER = 'nature;code_opi;numero_dossier;ine;civilite;nom_naissance;nom_usage;prenom;date_naissance;email;code_formation;libelle_formation;code_centre;date_reponse\r\n';

const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) });

const ligne = (extra: Partial<LigneOpi> = {}): LigneOpi => ({
  nature: NatureOpi.ADMISSION,
  codeOpi: 'EC0WBZPM9X',
  numeroDossier: '0WBZPM9X',
  ine: '1234567890V',
  civilite: Civilite.MME,
  nomNaissance: 'Martin',
  nomUsage: null,
  prenom: 'Élise',
  dateNaissance: '2003-03-14',
  email: 'elise.martin@exemple.fr',
  codeFormation: 'M1-GEO',
  libelleFormation: 'Master Géographie',
  codeCentre: 'SCI',
  dateReponse: '2027-04-15T08:00:00.000Z',
  ...extra,
});

describe('FileOpi', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'opi-')), 'depot');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('writes one CSV file per batch for French Excel, named after the Paris time, escaping what candidates typed', async () => {
    // 21:30:05 UTC is 22:30:05 in Paris in November.
    const opi = new FileOpi(dir, clockAt('2026-11-20T21:30:05Z'));
    expect(opi.source).toBe('file');
    const { lot } = await opi.envoyer([
      ligne(),
      ligne({
        nature: NatureOpi.DESISTEMENT,
        codeOpi: 'EC12345678',
        numeroDossier: '12345678',
        ine: null,
        civilite: Civilite.M,
        nomNaissance: '=HYPERLINK("http://x")',
        nomUsage: "D'Artagnan; dit \"le Gascon\"",
        prenom: '+Jean',
        dateNaissance: null,
        libelleFormation: 'Licence pro\nalternance',
        dateReponse: null,
      }),
    ]);
    expect(lot).toBe('opi-20261120-223005-1.csv');
    expect(readdirSync(dir)).toEqual([lot]);
    expect(readFileSync(join(dir, lot), 'utf8')).toBe(
      '\uFEFF' +
        HEADER +
        'ADMISSION;EC0WBZPM9X;0WBZPM9X;1234567890V;MME;Martin;;Élise;2003-03-14;elise.martin@exemple.fr;M1-GEO;Master Géographie;SCI;2027-04-15T08:00:00.000Z\r\n' +
        `DESISTEMENT;EC12345678;12345678;;M;"'=HYPERLINK(""http://x"")";"D'Artagnan; dit ""le Gascon""";'+Jean;;elise.martin@exemple.fr;M1-GEO;"Licence pro\nalternance";SCI;\r\n`,
    );
  });

  it('uses the summer time of Paris in the name', async () => {
    const { lot } = await new FileOpi(dir, clockAt('2027-06-30T20:30:00Z')).envoyer([ligne()]);
    expect(lot).toBe('opi-20270630-223000-1.csv');
  });

  it('writes under a hidden temporary name in the folder, complete, then renames it', async () => {
    const seen: { from: string; to: string; content: string; targetExisted: boolean }[] = [];
    const rename = fsp.rename;
    jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      seen.push({ from: String(from), to: String(to), content: readFileSync(from, 'utf8'), targetExisted: existsSync(to) });
      return rename(from, to);
    });
    const { lot } = await new FileOpi(dir, clockAt('2026-11-20T21:30:05Z')).envoyer([ligne()]);
    expect(seen).toHaveLength(1);
    expect(dirname(seen[0].from)).toBe(dir);
    expect(basename(seen[0].from)).toMatch(/^\.opi-[0-9a-f-]{36}\.tmp$/);
    expect(seen[0]).toMatchObject({ to: join(dir, lot), targetExisted: false });
    expect(seen[0].content).toBe(readFileSync(join(dir, lot), 'utf8'));
    expect(seen[0].content).toContain('ADMISSION;EC0WBZPM9X');
    expect(readdirSync(dir)).toEqual([lot]);
  });

  it('never overwrites a file: two batches in the same second, and a file already there, get the next numbers', async () => {
    const opi = new FileOpi(dir, clockAt('2026-11-20T21:30:05Z'));
    const premier = await opi.envoyer([ligne({ codeOpi: 'EC00000001' })]);
    const second = await opi.envoyer([ligne({ codeOpi: 'EC00000002' })]);
    writeFileSync(join(dir, 'opi-20261120-223005-3.csv'), 'déjà là');
    const troisieme = await opi.envoyer([ligne({ codeOpi: 'EC00000003' })]);
    expect([premier.lot, second.lot, troisieme.lot]).toEqual(['opi-20261120-223005-1.csv', 'opi-20261120-223005-2.csv', 'opi-20261120-223005-4.csv']);
    expect(readFileSync(join(dir, premier.lot), 'utf8')).toContain('EC00000001');
    expect(readFileSync(join(dir, second.lot), 'utf8')).toContain('EC00000002');
    expect(readFileSync(join(dir, 'opi-20261120-223005-3.csv'), 'utf8')).toBe('déjà là');
    expect(readFileSync(join(dir, troisieme.lot), 'utf8')).toContain('EC00000003');
  });

  it('fails with the folder named when it cannot write there, and leaves no temporary file', async () => {
    writeFileSync(dir, 'un fichier, pas un dossier');
    const opi = new FileOpi(join(dir, 'opi'), clockAt('2026-11-20T21:30:05Z'));
    await expect(opi.envoyer([ligne()])).rejects.toThrow(/^OPI_DIR : impossible d'écrire le fichier OPI dans .*depot\/opi \(/);

    rmSync(dir);
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValue(new Error('disque plein'));
    await expect(new FileOpi(dir, clockAt('2026-11-20T21:30:05Z')).envoyer([ligne()])).rejects.toThrow(/disque plein/);
    expect(rename).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
