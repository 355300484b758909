import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { FileStudentRecords } from './file.adapter';

const DEMO = join(__dirname, '..', '..', '..', 'config', 'demo', 'etudiants.json');

describe('FileStudentRecords', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'etudiants-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const minimal = (codeEtudiant: string, extra: Record<string, unknown> = {}) => ({
    codeEtudiant,
    identite: { nomNaissance: 'DURAND', prenom: 'Léa' },
    ...extra,
  });

  it('finds a student of the demo export by code étudiant, by CAS login (any case), and by INE', async () => {
    const records = new FileStudentRecords(DEMO);
    expect(records.source).toBe('file');
    const byCode = await records.findByLogin({ casLogin: 'quelquun', codeEtudiant: '21900123' });
    expect(byCode).toMatchObject({ codeEtudiant: '21900123', ine: '1234567890V', identite: { nomNaissance: 'MARTIN', prenom: 'Élise' } });
    expect(await records.findByLogin({ casLogin: 'EMartin', codeEtudiant: null })).toEqual(byCode);
    expect(await records.findByLogin({ casLogin: '21800456', codeEtudiant: null })).toMatchObject({ identite: { nomNaissance: 'NGUYEN' } });
    expect(await records.findByIne('2209876543w')).toMatchObject({ codeEtudiant: '21500789', identite: { nomUsage: 'DURAND' }, adresse: null });
    expect(await records.findByLogin({ casLogin: 'inconnu', codeEtudiant: '00000000' })).toBeNull();
    expect(await records.findByIne('9999999999Z')).toBeNull();
  });

  it('gives every optional field, absent from the file, as null', async () => {
    const records = new FileStudentRecords(write('minimal.json', [minimal('123')]));
    expect(await records.findByLogin({ casLogin: '123', codeEtudiant: null })).toEqual({
      codeEtudiant: '123',
      ine: null,
      identite: {
        civilite: null,
        nomNaissance: 'DURAND',
        nomUsage: null,
        prenom: 'Léa',
        autresPrenoms: null,
        dateNaissance: null,
        communeNaissance: null,
        libelleCommuneNaissance: null,
        paysNaissance: null,
        nationalite: null,
        email: null,
        telephone: null,
      },
      adresse: null,
      bac: null,
      cursusInterne: [],
    });
  });

  it.each([
    ['a missing file', null, /introuvable/],
    ['a file that is not JSON', '{ pas du json', /n'est pas un JSON valide/],
    ['an object instead of a list', { etudiants: [] }, /doit contenir un tableau/],
    ['a student without code', [{ identite: { nomNaissance: 'X', prenom: 'Y' } }], /étudiant n° 1, « codeEtudiant » est obligatoire/],
    ['a bad civilité', [minimal('1', { identite: { nomNaissance: 'X', prenom: 'Y', civilite: 'Mlle' } })], /identite, « civilite » doit valoir/],
    ['a bad birth date', [minimal('1', { identite: { nomNaissance: 'X', prenom: 'Y', dateNaissance: '17/03/2004' } })], /« dateNaissance » doit être une date AAAA-MM-JJ/],
    ['a bac year as text', [minimal('1'), minimal('2', { bac: { annee: '2022', serie: 'GEN' } })], /étudiant n° 2, bac, « annee » doit être un nombre entier/],
    ['a cursus without formation', [minimal('1', { cursusInterne: [{ annee: 2024, libelleFormation: 'L1' }] })], /cursusInterne\[0\], « codeFormation » est obligatoire/],
  ])('refuses to start on %s, saying where', (_case, content, message) => {
    const file = content === null ? join(dir, 'absent.json') : write('bad.json', content);
    expect(() => new FileStudentRecords(file)).toThrow(message);
    expect(() => new FileStudentRecords(file)).toThrow(/^STUDENT_RECORDS_FILE : /);
  });

  it('reads the export again when it changes, and keeps the previous one while the new one is broken', async () => {
    const file = write('etudiants.json', [minimal('1')]);
    const records = new FileStudentRecords(file);
    const later = (seconds: number) => utimesSync(file, new Date(), new Date(Date.now() + seconds * 1000));

    writeFileSync(file, JSON.stringify([minimal('1'), minimal('2', { login: 'deux' })]));
    later(10);
    expect(await records.findByLogin({ casLogin: 'deux', codeEtudiant: null })).toMatchObject({ codeEtudiant: '2' });

    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    later(20);
    expect(await records.findByLogin({ casLogin: 'deux', codeEtudiant: null })).toMatchObject({ codeEtudiant: '2' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/n'est pas un JSON valide .* l'export précédent reste utilisé$/));
    warn.mockRestore();
  });
});
