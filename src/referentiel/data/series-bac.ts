import { CategorieSerieBac } from '../entities/serie-bac.entity';

const { GENERAL, TECHNOLOGIQUE, PROFESSIONNEL, EQUIVALENCE, SANS_BAC } = CategorieSerieBac;

/**
 * Séries of the French baccalauréat and its equivalents, with the sessions in which each was awarded (inclusive).
 * The codes are this service's own (≤ 6 characters); the years follow the successive reforms: séries A–E until
 * 1994, S/ES/L from 1995 to 2021 (last session for repeaters), the general bac with spécialités from 2021.
 */
export const SERIES_BAC = [
  { code: 'GEN', libelle: 'Baccalauréat général', categorie: GENERAL, anneeDebut: 2021, anneeFin: null, avecSpecialites: true },
  { code: 'S', libelle: 'Série S - Scientifique', categorie: GENERAL, anneeDebut: 1995, anneeFin: 2021 },
  { code: 'ES', libelle: 'Série ES - Économique et sociale', categorie: GENERAL, anneeDebut: 1995, anneeFin: 2021 },
  { code: 'L', libelle: 'Série L - Littéraire', categorie: GENERAL, anneeDebut: 1995, anneeFin: 2021 },
  { code: 'A', libelle: 'Série A - Philosophie et lettres', categorie: GENERAL, anneeDebut: 1969, anneeFin: 1994 },
  { code: 'B', libelle: 'Série B - Économique et social', categorie: GENERAL, anneeDebut: 1969, anneeFin: 1994 },
  { code: 'C', libelle: 'Série C - Mathématiques et sciences physiques', categorie: GENERAL, anneeDebut: 1969, anneeFin: 1994 },
  { code: 'D', libelle: 'Série D - Mathématiques et sciences de la nature', categorie: GENERAL, anneeDebut: 1969, anneeFin: 1994 },
  { code: 'E', libelle: 'Série E - Mathématiques et techniques', categorie: GENERAL, anneeDebut: 1969, anneeFin: 1994 },
  { code: 'STMG', libelle: 'STMG - Sciences et technologies du management et de la gestion', categorie: TECHNOLOGIQUE, anneeDebut: 2013, anneeFin: null },
  { code: 'STG', libelle: 'STG - Sciences et technologies de la gestion', categorie: TECHNOLOGIQUE, anneeDebut: 2007, anneeFin: 2013 },
  { code: 'STT', libelle: 'STT - Sciences et technologies tertiaires', categorie: TECHNOLOGIQUE, anneeDebut: 1995, anneeFin: 2006 },
  { code: 'STI2D', libelle: "STI2D - Sciences et technologies de l'industrie et du développement durable", categorie: TECHNOLOGIQUE, anneeDebut: 2013, anneeFin: null },
  { code: 'STI', libelle: "STI - Sciences et technologies industrielles", categorie: TECHNOLOGIQUE, anneeDebut: 1995, anneeFin: 2013 },
  { code: 'STL', libelle: 'STL - Sciences et technologies de laboratoire', categorie: TECHNOLOGIQUE, anneeDebut: 1995, anneeFin: null },
  { code: 'ST2S', libelle: 'ST2S - Sciences et technologies de la santé et du social', categorie: TECHNOLOGIQUE, anneeDebut: 2008, anneeFin: null },
  { code: 'SMS', libelle: 'SMS - Sciences médico-sociales', categorie: TECHNOLOGIQUE, anneeDebut: 1995, anneeFin: 2008 },
  { code: 'STD2A', libelle: 'STD2A - Sciences et technologies du design et des arts appliqués', categorie: TECHNOLOGIQUE, anneeDebut: 2013, anneeFin: null },
  { code: 'STAV', libelle: "STAV - Sciences et technologies de l'agronomie et du vivant", categorie: TECHNOLOGIQUE, anneeDebut: 2008, anneeFin: null },
  { code: 'STHR', libelle: "STHR - Sciences et technologies de l'hôtellerie et de la restauration", categorie: TECHNOLOGIQUE, anneeDebut: 2018, anneeFin: null },
  { code: 'S2TMD', libelle: 'S2TMD - Sciences et techniques du théâtre, de la musique et de la danse', categorie: TECHNOLOGIQUE, anneeDebut: 2021, anneeFin: null },
  { code: 'TMD', libelle: 'TMD - Techniques de la musique et de la danse', categorie: TECHNOLOGIQUE, anneeDebut: 1995, anneeFin: 2020 },
  { code: 'PRO', libelle: 'Baccalauréat professionnel', categorie: PROFESSIONNEL, anneeDebut: 1987, anneeFin: null },
  { code: 'DAEU', libelle: "DAEU - Diplôme d'accès aux études universitaires", categorie: EQUIVALENCE, anneeDebut: 1994, anneeFin: null, ineAttendu: false },
  { code: 'EUR', libelle: 'Baccalauréat européen', categorie: EQUIVALENCE, anneeDebut: null, anneeFin: null, ineAttendu: false },
  { code: 'INT', libelle: 'Baccalauréat international (IB)', categorie: EQUIVALENCE, anneeDebut: null, anneeFin: null, ineAttendu: false },
  { code: 'ETR', libelle: 'Titre étranger admis en équivalence du baccalauréat', categorie: EQUIVALENCE, anneeDebut: null, anneeFin: null, ineAttendu: false },
  { code: 'VAP', libelle: 'Validation des acquis (VAP, VAE) sans baccalauréat', categorie: SANS_BAC, anneeDebut: null, anneeFin: null, ineAttendu: false },
  { code: 'SANS', libelle: 'Sans baccalauréat', categorie: SANS_BAC, anneeDebut: null, anneeFin: null, ineAttendu: false },
].map((s, i) => ({ avecSpecialites: false, ineAttendu: true, ...s, ordre: i + 1 }));

/** Enseignements de spécialité of terminale, general bac from the 2021 session. */
export const SPECIALITES_BAC = [
  { code: 'MATHS', libelle: 'Mathématiques' },
  { code: 'PC', libelle: 'Physique-chimie' },
  { code: 'SVT', libelle: 'Sciences de la vie et de la Terre' },
  { code: 'NSI', libelle: 'Numérique et sciences informatiques' },
  { code: 'SI', libelle: "Sciences de l'ingénieur" },
  { code: 'SES', libelle: 'Sciences économiques et sociales' },
  { code: 'HGGSP', libelle: 'Histoire-géographie, géopolitique et sciences politiques' },
  { code: 'HLP', libelle: 'Humanités, littérature et philosophie' },
  { code: 'LLCER', libelle: 'Langues, littératures et cultures étrangères et régionales' },
  { code: 'LLCA', libelle: "Littérature et langues et cultures de l'Antiquité" },
  { code: 'ARTS', libelle: 'Arts' },
  { code: 'BIOECO', libelle: 'Biologie-écologie' },
  { code: 'EPPCS', libelle: 'Éducation physique, pratiques et culture sportives', anneeDebut: 2023 },
].map((s) => ({ anneeDebut: 2021, anneeFin: null, ...s }));

export const MENTIONS = [
  { code: 'P', libelle: 'Passable' },
  { code: 'AB', libelle: 'Assez bien' },
  { code: 'B', libelle: 'Bien' },
  { code: 'TB', libelle: 'Très bien' },
  { code: 'TBF', libelle: 'Très bien avec les félicitations du jury' },
  { code: 'SM', libelle: 'Sans mention' },
].map((m, i) => ({ ...m, ordre: i + 1 }));

/** Diploma types for the external cursus, as staff read them on a transcript. */
export const TYPES_DIPLOME = [
  { code: 'LIC', libelle: 'Licence' },
  { code: 'LP', libelle: 'Licence professionnelle' },
  { code: 'BUT', libelle: 'Bachelor universitaire de technologie (BUT)' },
  { code: 'DUT', libelle: 'Diplôme universitaire de technologie (DUT)' },
  { code: 'BTS', libelle: 'Brevet de technicien supérieur (BTS)' },
  { code: 'CPGE', libelle: 'Classe préparatoire aux grandes écoles' },
  { code: 'DEUST', libelle: "Diplôme d'études universitaires scientifiques et techniques (DEUST)" },
  { code: 'PASS', libelle: 'Parcours d’accès spécifique santé (PASS) ou licence accès santé (L.AS)' },
  { code: 'MAS', libelle: 'Master' },
  { code: 'ING', libelle: "Diplôme d'ingénieur" },
  { code: 'ECOLE', libelle: "Diplôme d'école (commerce, art, architecture…)" },
  { code: 'DE', libelle: "Diplôme d'État (santé, social)" },
  { code: 'DU', libelle: "Diplôme d'établissement universitaire (DU)" },
  { code: 'DOC', libelle: 'Doctorat' },
  { code: 'ETR', libelle: 'Diplôme étranger' },
  { code: 'AUT', libelle: 'Autre formation' },
].map((t, i) => ({ ...t, ordre: i + 1 }));
