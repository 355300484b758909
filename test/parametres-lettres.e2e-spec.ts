import { Readable } from 'node:stream';
import request from 'supertest';
import { JobsService } from '../src/jobs/jobs.service';
import { FileStorage } from '../src/pieces/storage/file-storage';
import { Role } from '../src/common/auth/roles';
import { LettreCommission } from '../src/lettres/entities/lettre-commission.entity';
import { LettreEtablissement } from '../src/lettres/entities/lettre-etablissement.entity';
import { Campagne } from '../src/offre/entities/campagne.entity';
import { api, bearer } from './support/api';
import { createCampagne } from './support/factories';
import { png } from './support/fichiers';
import { Offre, creerOffre } from './support/offre';
import { candidatComplet, staffConnecte } from './support/parcours';
import { pdfText } from './support/pdf-text';
import { TestApp, startTestApp } from './support/test-app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (d: Buffer) => chunks.push(d)).on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

const ETABLISSEMENT = {
  nom: 'Université de Démonstration',
  nomEn: 'University of Demonstration',
  adresse: ['Château de la Source', 'Avenue du Parc Floral', '45100 Orléans'],
  signataireNom: 'Éric Blond',
  signataireTitre: "Président de l'université",
  signataireTitreEn: 'President of the University',
};
const TEXTE_MASTER = { texte: 'Le bureau juridique rappelle que le master se prépare en deux ans.', texteEn: 'The legal office reminds you that the master takes two years.' };
const COMMISSION = {
  signataireNom: 'Martine Bodusseau',
  signataireTitre: 'Directrice des études',
  signataireTitreEn: 'Director of Studies',
  adresse: ['Scolarité des lettres', '2 rue de la Commission', '45067 ORLEANS CEDEX 2'],
  texte: 'Réunion de rentrée le 31 août à 9 h.',
  texteEn: 'Induction meeting on 31 August at 9 am.',
};
/** PNG magic bytes and nothing an image decoder can read. */
const PNG_ABIME = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 0x41)]);

describe('Letters settings: institution block, per-commission overrides, text per type de diplôme, preview, English', () => {
  let t: TestApp;
  let campagne: Campagne;
  let offre: Offre;
  let ailleurs: Offre;
  let tokens: Record<'admin' | 'scol' | 'gest' | 'autre' | 'membre', string>;
  const as = (name: keyof typeof tokens) => api(t, tokens[name]);

  async function pdf(path: string, token: string): Promise<string> {
    const res = await request(t.http).get(path).set(bearer(token)).buffer(true).parse(binary).expect(200).expect('content-type', 'application/pdf');
    return squash(await pdfText(res.body as Buffer));
  }
  const apercu = (query: string, token = tokens.scol) => pdf(`/api/lettres/apercu.pdf?${query}`, token);
  const envoyer = (path: string, token: string, contenu: Buffer, nom = 'image.png') => request(t.http).put(`/api/${path}`).set(bearer(token)).attach('fichier', contenu, nom);

  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_IP_PER_MINUTE: '10000' });
    t.clock.set('2026-12-05T10:00:00Z');
    campagne = await createCampagne(t);
    tokens = await staffConnecte(t, {
      admin: ['admin.plettres', [Role.ADMIN]],
      scol: ['scol.plettres', [Role.SCOL_CENTRALE]],
      gest: ['gest.plettres', [Role.GESTIONNAIRE], { centres: ['PLETTRES'] }],
      autre: ['gest.autre.plettres', [Role.GESTIONNAIRE], { centres: ['PAILLEURS'] }],
      membre: ['membre.plettres', [Role.COMMISSION], { commissions: ['PLETTRES-COM'] }],
    });
    offre = await creerOffre(t, tokens.scol, { centre: { code: 'PLETTRES', libelle: 'Centre des lettres' }, commission: { code: 'PLETTRES-COM', libelle: 'Commission des lettres', signataire: null } });
    ailleurs = await creerOffre(t, tokens.scol, { centre: { code: 'PAILLEURS', libelle: 'Centre ailleurs' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('with nothing set, the preview is the shipped letter: the application name, « Le président du jury »', async () => {
    expect((await as('scol').get('lettres/etablissement').expect(200)).body).toMatchObject({ nom: null, adresse: [], logo: null, signature: null, updatedBy: null });
    const texte = await apercu('type=admission');
    expect(texte).toContain("Candidatures à l'université");
    expect(texte).toContain('Le président du jury');
    expect(texte).toContain('a émis un avis favorable');
    const refus = await apercu('type=refus&langue=en');
    expect(refus).toContain('The chair of the admissions committee');
    expect(refus).toContain('an unfavourable decision');
  });

  it('the institution block: admin and scolarité centrale only; bad input is a 400 naming the field, nothing saved', async () => {
    for (const name of ['gest', 'membre'] as const) {
      expect((await as(name).put('lettres/etablissement', ETABLISSEMENT).expect(403)).body.code).toBe('ACCES_INTERDIT');
      await as(name).get('lettres/etablissement').expect(403);
    }
    const c = await candidatComplet(t, campagne, 'Intrus', 'Ines');
    await api(t, c.token).put('lettres/etablissement', ETABLISSEMENT).expect(403);

    const septLignes = await as('scol').put('lettres/etablissement', { ...ETABLISSEMENT, adresse: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }).expect(400);
    expect(septLignes.body).toMatchObject({ code: 'REQUETE_INVALIDE', errors: [{ field: 'adresse', message: 'compte au plus 6 lignes' }] });
    const long = await as('scol').put('lettres/etablissement', { ...ETABLISSEMENT, nom: 'x'.repeat(201) }).expect(400);
    expect(long.body.errors).toEqual([{ field: 'nom', message: 'ne doit pas dépasser 200 caractères' }]);
    expect(long.body.detail).toMatch(/nom/);
    await as('scol').put('lettres/etablissement', { ...ETABLISSEMENT, inconnu: 1 }).expect(400);
    expect((await as('scol').get('lettres/etablissement').expect(200)).body.updatedBy).toBeNull();

    const saved = await as('scol').put('lettres/etablissement', ETABLISSEMENT).expect(200);
    expect(saved.body).toMatchObject({ ...ETABLISSEMENT, updatedBy: 'scol.plettres' });
    expect((await as('admin').get('lettres/etablissement').expect(200)).body).toEqual(saved.body);
  });

  it('images: PNG or JPEG that draws, 1 Mo at most; a PDF, a broken image or a large one refused and not kept', async () => {
    const pdf = await envoyer('lettres/etablissement/logo', tokens.scol, Buffer.from('%PDF-1.7\n%%EOF\n'), 'logo.pdf').expect(400);
    expect(pdf.body).toMatchObject({ code: 'FICHIER_TYPE_REFUSE', detail: expect.stringContaining('PNG et JPEG') });
    const abime = await envoyer('lettres/etablissement/logo', tokens.scol, PNG_ABIME).expect(400);
    expect(abime.body).toMatchObject({ code: 'IMAGE_ILLISIBLE', errors: [{ field: 'fichier' }] });
    const gros = await envoyer('lettres/etablissement/logo', tokens.scol, png(900, 900, 'bruit')).expect(413);
    expect(gros.body.code).toBe('FICHIER_TROP_VOLUMINEUX');
    expect((await as('scol').put('lettres/etablissement/tampon', {}).expect(400)).body.errors).toEqual([{ field: 'image', message: 'doit valoir logo ou signature' }]);
    await envoyer('lettres/etablissement/logo', tokens.gest, png(40, 20)).expect(403);
    expect((await as('scol').get('lettres/etablissement').expect(200)).body.logo).toBeNull();

    expect((await envoyer('lettres/etablissement/logo', tokens.admin, png(120, 40)).expect(200)).body.logo).toEqual({ type: 'image/png' });
    expect((await envoyer('lettres/etablissement/signature', tokens.scol, png(90, 30)).expect(200)).body).toMatchObject({ logo: { type: 'image/png' }, signature: { type: 'image/png' } });
    // A replaced logo: one row, the new file.
    const avant = await t.dataSource.getRepository(LettreEtablissement).findOneByOrFail({ id: 1 });
    await envoyer('lettres/etablissement/logo', tokens.scol, png(100, 40)).expect(200);
    const apres = await t.dataSource.getRepository(LettreEtablissement).find();
    expect(apres).toHaveLength(1);
    expect(apres[0].logoCle).not.toBe(avant.logoCle);
    expect(apres[0]).toMatchObject({ nom: ETABLISSEMENT.nom, signatureCle: avant.signatureCle });
  });

  it('a text per type de diplôme: a known code, a text required; admin and scolarité centrale only', async () => {
    expect((await as('scol').put('lettres/types-diplome/XYZ', TEXTE_MASTER).expect(404)).body).toMatchObject({ code: 'TYPE_DIPLOME_INTROUVABLE', detail: expect.stringContaining('« XYZ »') });
    expect((await as('scol').put('lettres/types-diplome/MAS', { texte: '  ' }).expect(400)).body.errors).toEqual([{ field: 'texte', message: 'est obligatoire' }]);
    await as('gest').put('lettres/types-diplome/MAS', TEXTE_MASTER).expect(403);
    expect((await as('scol').get('lettres/types-diplome').expect(200)).body).toEqual([]);

    await as('scol').put('lettres/types-diplome/LP', { texte: 'Texte licence pro.' }).expect(200);
    const mas = await as('admin').put('lettres/types-diplome/mas', TEXTE_MASTER).expect(200);
    expect(mas.body).toMatchObject({ typeDiplome: 'MAS', libelle: 'Master', ...TEXTE_MASTER, updatedBy: 'admin.plettres' });
    // Reference data order: LP before MAS.
    expect((await as('scol').get('lettres/types-diplome').expect(200)).body.map((d: { typeDiplome: string }) => d.typeDiplome)).toEqual(['LP', 'MAS']);
    await as('scol').delete('lettres/types-diplome/LP').expect(204);
    expect((await as('scol').get('lettres/types-diplome').expect(200)).body.map((d: { typeDiplome: string }) => d.typeDiplome)).toEqual(['MAS']);
  });

  it("a commission's overrides: whoever may change the commission (its centre's gestionnaire), 403 elsewhere, 404 unknown", async () => {
    const path = `offre/gestion/commissions/${offre.commissionId}/lettre`;
    expect((await as('gest').get(path).expect(200)).body).toMatchObject({ commissionId: offre.commissionId, signataireNom: null, adresse: [], signature: null, updatedBy: null });
    expect((await as('autre').put(path, COMMISSION).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
    expect((await as('membre').put(path, COMMISSION).expect(403)).body.code).toBe('ACCES_INTERDIT');
    expect((await as('gest').put(`offre/gestion/commissions/${ailleurs.commissionId}/lettre`, COMMISSION).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
    expect((await as('scol').put('offre/gestion/commissions/999999/lettre', COMMISSION).expect(404)).body.code).toBe('COMMISSION_INTROUVABLE');
    const bad = await as('gest').put(path, { ...COMMISSION, texte: 'x'.repeat(4001) }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'texte', message: 'ne doit pas dépasser 4000 caractères' }]);
    expect(await t.dataSource.getRepository(LettreCommission).countBy({ commissionId: offre.commissionId })).toBe(0);

    // Two saves at once: one row, one of the two texts.
    const [a, b] = await Promise.all([as('gest').put(path, { ...COMMISSION, texte: 'Premier.' }), as('scol').put(path, { ...COMMISSION, texte: 'Second.' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await t.dataSource.getRepository(LettreCommission).countBy({ commissionId: offre.commissionId })).toBe(1);

    const saved = await as('gest').put(path, COMMISSION).expect(200);
    expect(saved.body).toMatchObject({ ...COMMISSION, updatedBy: 'gest.plettres' });
    const deuxLignes = await as('gest').put(path, { adresse: ['ok', 'a\nb'] }).expect(400);
    expect(deuxLignes.body.errors).toEqual([{ field: 'adresse', message: 'ne doit pas contenir de caractère de contrôle ni de retour à la ligne' }]);
    expect((await as('gest').put(path, { adresse: ['ok', 'x'.repeat(101)] }).expect(400)).body.errors).toEqual([{ field: 'adresse', message: "a des lignes d'au plus 100 caractères" }]);
    expect((await as('gest').put(path, { adresse: 'une ligne' }).expect(400)).body.errors).toEqual([{ field: 'adresse', message: 'doit être une liste de lignes' }]);
    expect((await as('gest').get(path).expect(200)).body).toMatchObject({ ...COMMISSION, updatedBy: 'gest.plettres' });
    expect((await envoyer(`${path}/signature`, tokens.autre, png(60, 20)).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
    expect((await envoyer(`${path}/signature`, tokens.gest, png(60, 20)).expect(200)).body).toMatchObject({ ...COMMISSION, signature: { type: 'image/png' } });
  });

  it("a candidate's letter prints the institution, the type de diplôme's text and the commission's override; in English for an English account", async () => {
    const formationId = await offre.formation({ code: 'PL-M1', libelle: 'Master lettres modernes' });
    const fr = await candidatComplet(t, campagne, 'Durand', 'Camille');
    const en = await candidatComplet(t, campagne, 'Smith', 'Alex', { langue: 'en' });
    const ids: number[] = [];
    for (const c of [fr, en]) ids.push((await api(t, c.token).post('candidat/candidatures', { formationId }).expect(201)).body.id as number);
    await as('membre').post('candidatures/avis', { candidatureIds: ids, type: 'FA', dateReunion: '2026-12-04' }).expect(201);

    const francais = await pdf(`/api/candidatures/${ids[0]}/lettre.pdf`, tokens.gest);
    expect(francais).toContain(ETABLISSEMENT.nom);
    expect(francais).toContain('Château de la Source');
    expect(francais).toContain(TEXTE_MASTER.texte);
    expect(francais).toContain(COMMISSION.texte);
    expect(francais).toContain('2 rue de la Commission');
    expect(francais).not.toContain('rue de la Férollerie');
    // The commission names its signatory: theirs, not the institution's.
    expect(francais).toContain(`${COMMISSION.signataireNom} ${COMMISSION.signataireTitre}`);
    expect(francais).not.toContain(ETABLISSEMENT.signataireNom);
    expect(francais).toContain('a émis un avis favorable');

    const anglais = await pdf(`/api/candidatures/${ids[1]}/lettre.pdf`, tokens.gest);
    expect(anglais).toContain(ETABLISSEMENT.nomEn);
    expect(anglais).toContain(TEXTE_MASTER.texteEn);
    expect(anglais).toContain(COMMISSION.texteEn);
    expect(anglais).toContain(COMMISSION.signataireTitreEn);
    expect(anglais).toContain('Dear Ms Smith,');
    expect(anglais).toContain('a favourable decision');
    expect(anglais).not.toMatch(/Université de Démonstration|Le bureau juridique|Réunion de rentrée|a émis/);

    // Another commission, without overrides: the institution's signatory, and no commission text.
    const autreFormation = await ailleurs.formation({ code: 'PA-LP', libelle: 'Licence pro ailleurs', typeDiplome: 'LP' });
    const c = await candidatComplet(t, campagne, 'Martin', 'Louise');
    const id = (await api(t, c.token).post('candidat/candidatures', { formationId: autreFormation }).expect(201)).body.id as number;
    await as('scol').post('candidatures/avis', { candidatureIds: [id], type: 'DE', motif: 'CAPACITE' }).expect(201);
    const refus = await pdf(`/api/candidatures/${id}/lettre.pdf`, tokens.scol);
    expect(refus).toContain(`${ETABLISSEMENT.signataireNom} ${ETABLISSEMENT.signataireTitre}`);
    expect(refus).not.toMatch(/Réunion de rentrée|Le bureau juridique|Le président du jury/);
    expect(refus).toContain('a émis un avis défavorable');
  });

  it('the preview: the kind asked, a commission of the scope, a type de diplôme, the language; 4xx for the rest', async () => {
    const texte = await apercu(`type=refus&langue=en&commissionId=${offre.commissionId}&typeDiplome=MAS`, tokens.gest);
    expect(texte).toContain(ETABLISSEMENT.nomEn);
    expect(texte).toContain('an unfavourable decision');
    expect(texte).toContain(TEXTE_MASTER.texteEn);
    expect(texte).toContain(COMMISSION.texteEn);
    expect(texte).toContain('Dear Ms Exemple,');
    const sans = await apercu('type=admission');
    expect(sans).toContain(ETABLISSEMENT.nom);
    expect(sans).toContain(`${ETABLISSEMENT.signataireNom} ${ETABLISSEMENT.signataireTitre}`);
    expect(sans).not.toContain(TEXTE_MASTER.texte);

    expect((await as('scol').get('lettres/apercu.pdf?type=liste').expect(400)).body.errors).toEqual([{ field: 'type', message: 'doit valoir admission ou refus' }]);
    expect((await as('scol').get('lettres/apercu.pdf?type=admission&langue=de').expect(400)).body.errors).toEqual([{ field: 'langue', message: 'doit valoir fr ou en' }]);
    expect((await as('scol').get('lettres/apercu.pdf?type=admission&typeDiplome=XYZ').expect(404)).body.code).toBe('TYPE_DIPLOME_INTROUVABLE');
    expect((await as('autre').get(`lettres/apercu.pdf?type=admission&commissionId=${offre.commissionId}`).expect(403)).body.code).toBe('CENTRE_HORS_PERIMETRE');
    expect((await as('membre').get('lettres/apercu.pdf?type=admission').expect(403)).body.code).toBe('ACCES_INTERDIT');
  });

  it('removing settings brings the shipped parts back: no logo, no type de diplôme text', async () => {
    expect((await as('scol').delete('lettres/etablissement/logo').expect(200)).body.logo).toBeNull();
    expect((await as('scol').get('lettres/etablissement').expect(200)).body.signature).toEqual({ type: 'image/png' });
    await as('scol').delete('lettres/types-diplome/MAS').expect(204);
    await as('scol').delete('lettres/types-diplome/MAS').expect(204);
    expect(await apercu(`type=admission&commissionId=${offre.commissionId}&typeDiplome=MAS`)).not.toContain(TEXTE_MASTER.texte);
    const vide = await as('gest').put(`offre/gestion/commissions/${offre.commissionId}/lettre`, {}).expect(200);
    expect(vide.body).toMatchObject({ signataireNom: null, texte: null, adresse: [], signature: { type: 'image/png' } });
  });

  // Last: the clock jumps days ahead (sessions end).
  it("the nightly sweep of unreferenced files keeps the letters' images and removes a true orphan", async () => {
    const storage = t.app.get(FileStorage);
    const etablissement = await t.dataSource.getRepository(LettreEtablissement).findOneByOrFail({ id: 1 });
    const commission = await t.dataSource.getRepository(LettreCommission).findOneByOrFail({ commissionId: offre.commissionId });
    const gardees = [etablissement.signatureCle, commission.signatureCle] as string[];
    expect(gardees.every(Boolean)).toBe(true);
    const orphelin = await storage.write(Readable.from([png(10, 10)]), { maxBytes: 1e6 });
    t.clock.advance({ days: 3 });
    await t.app.get(JobsService).trigger('purge-fichiers');
    await expect(storage.read(orphelin.key)).rejects.toMatchObject({ code: 'FICHIER_INTROUVABLE' });
    for (const cle of gardees) (await storage.read(cle)).destroy();
  });
});
