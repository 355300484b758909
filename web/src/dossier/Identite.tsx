import { useRef, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { enProbleme } from '../commun/probleme';
import { ChoixCommune } from './Commune';
import { Selection, Saisie, valeursRemplies } from './champs';
import { FRANCE, libelleDe, optionsPays, useCommune, useDepartements, usePays } from './referentiels';
import { Retour } from './Retour';
import { TEXTES_DOSSIER } from './textes';
import { siVersion, useRechargerDossier } from './version';

type Identite = Schemas['IdentiteDto'];

/** Madame, Monsieur (Ms, Mr) as options. */
function useCivilites() {
  const t = useTextes(TEXTES_DOSSIER);
  return [
    { valeur: 'MME', libelle: t.civilites.MME },
    { valeur: 'M', libelle: t.civilites.M },
  ];
}
const LANGUES = [
  { valeur: 'fr', libelle: 'Français' },
  { valeur: 'en', libelle: 'English' },
];

/** The Orléans guide's hint, next to the field. */
function AideIne() {
  const [avant, apres] = useTextes(TEXTES_DOSSIER).aideIne;
  return (
    <>
      {avant}
      <strong>C</strong>
      {apres}
    </>
  );
}

/**
 * Informations personnelles: PUT /api/candidat/identite (If-Match once they exist). Once the candidate has applied
 * (or when they come from the student records) they are shown read only with the reason; phones and language stay
 * editable (PUT /identite/coordonnees).
 */
export function SectionIdentite({ identite }: { identite: Identite | null }) {
  const t = useTextes(TEXTES_DOSSIER);
  const [refus, setRefus] = useState<string | null>(null);
  if (identite && (identite.verrouillee || refus)) {
    // Why it cannot be changed here: said by the pages, or (a refused save) by the API, in French.
    return <IdentiteVerrouillee identite={identite} raison={refus ? <span lang="fr">{refus}</span> : identite.importe ? t.verrouImport : t.verrouCandidature} />;
  }
  return <FormulaireIdentite identite={identite} onVerrou={setRefus} />;
}

function FormulaireIdentite({ identite, onVerrou }: { identite: Identite | null; onVerrou: (raison: string) => void }) {
  const t = useTextes(TEXTES_DOSSIER);
  const civilites = useCivilites();
  const recharger = useRechargerDossier();
  const formulaire = useRef<HTMLFormElement>(null);
  const pays = usePays();
  const departements = useDepartements();
  const [paysNaissance, setPaysNaissance] = useState(identite?.paysNaissance ?? FRANCE);
  const [departement, setDepartement] = useState(identite?.departementNaissance ?? '');
  const enregistrement = $api.useMutation('put', '/api/candidat/identite', {
    onSettled: () => recharger(),
    onError: (erreur) => {
      const probleme = enProbleme(erreur);
      if (probleme?.code === 'IDENTITE_VERROUILLEE' || probleme?.code === 'DONNEES_IMPORTEES') onVerrou(probleme.detail);
    },
  });
  const avertissements = enregistrement.data?.avertissements ?? [];

  const enregistrer = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = valeursRemplies(e.currentTarget);
    const enFrance = v.paysNaissance === FRANCE;
    enregistrement.mutate({
      params: siVersion(identite?.version),
      body: {
        civilite: v.civilite as Identite['civilite'],
        nomNaissance: v.nomNaissance ?? '',
        nomUsage: v.nomUsage,
        prenom: v.prenom ?? '',
        autresPrenoms: v.autresPrenoms,
        dateNaissance: v.dateNaissance ?? '',
        paysNaissance: v.paysNaissance ?? '',
        departementNaissance: enFrance ? v.departementNaissance : undefined,
        communeNaissance: enFrance ? v.communeNaissance : undefined,
        villeNaissance: enFrance ? undefined : v.villeNaissance,
        nationalite: v.nationalite ?? '',
        ine: v.ine?.toUpperCase(),
        telephone: v.telephone,
        telephonePortable: v.telephonePortable,
        langue: v.langue === 'en' ? 'en' : 'fr',
      },
    });
  };

  return (
    <Form noValidate ref={formulaire} aria-label={t.sections.identite} onSubmit={enregistrer}>
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && t.identiteEnregistree} />
      {avertissements.map((a) => (
        <Alert key={a.code} variant="warning" role="alert">
          <p lang="fr">{a.message}</p>
          {a.suggestion && (
            <Button
              variant="outline-dark"
              size="sm"
              onClick={() => {
                const champ = formulaire.current?.elements.namedItem('ine') as HTMLInputElement | null;
                if (champ) champ.value = a.suggestion as string;
                formulaire.current?.requestSubmit();
              }}
            >
              {t.enregistrerIne(a.suggestion)}
            </Button>
          )}
        </Alert>
      ))}
      <Selection nom="civilite" libelle={t.civilite} options={civilites} defaultValue={identite?.civilite} erreur={enregistrement.error} />
      <Champ nom="nomNaissance" libelle={t.nomNaissance} autoComplete="family-name" defaultValue={identite?.nomNaissance} erreur={enregistrement.error} />
      <Champ nom="nomUsage" libelle={t.nomUsage} defaultValue={identite?.nomUsage} erreur={enregistrement.error} required={false} />
      <Champ nom="prenom" libelle={t.prenom} autoComplete="given-name" defaultValue={identite?.prenom} erreur={enregistrement.error} />
      <Champ nom="autresPrenoms" libelle={t.autresPrenoms} defaultValue={identite?.autresPrenoms} erreur={enregistrement.error} required={false} />
      <Saisie nom="dateNaissance" libelle={t.dateNaissance} type="date" autoComplete="bday" defaultValue={identite?.dateNaissance} erreur={enregistrement.error} />
      <Selection nom="paysNaissance" libelle={t.paysNaissance} options={optionsPays(pays)} valeur={paysNaissance} onChange={setPaysNaissance} erreur={enregistrement.error} />
      {paysNaissance === FRANCE ? (
        <>
          <Selection nom="departementNaissance" libelle={t.departementNaissance} options={departements} valeur={departement} onChange={setDepartement} erreur={enregistrement.error} />
          <ChoixCommune key={departement} nom="communeNaissance" libelle={t.communeNaissance} code={departement === identite?.departementNaissance ? identite?.communeNaissance : undefined} departement={departement} erreur={enregistrement.error} />
        </>
      ) : (
        <Champ nom="villeNaissance" libelle={t.villeNaissance} defaultValue={identite?.villeNaissance} erreur={enregistrement.error} />
      )}
      <Selection nom="nationalite" libelle={t.nationalite} options={optionsPays(pays, true)} defaultValue={identite?.nationalite} erreur={enregistrement.error} />
      <Saisie nom="ine" libelle={t.ine} defaultValue={identite?.ine} erreur={enregistrement.error} required={false} aide={<AideIne />} />
      <Saisie nom="telephone" libelle={t.telephone} type="tel" autoComplete="tel" defaultValue={identite?.telephone} erreur={enregistrement.error} required={false} />
      <Saisie nom="telephonePortable" libelle={t.telephonePortable} type="tel" autoComplete="tel" defaultValue={identite?.telephonePortable} erreur={enregistrement.error} required={false} />
      <Selection nom="langue" libelle={t.langueMails} options={LANGUES} defaultValue={identite?.langue ?? 'fr'} erreur={enregistrement.error} />
      <Button type="submit" disabled={enregistrement.isPending}>
        {t.enregistrerIdentite}
      </Button>
    </Form>
  );
}

/** Read only, with the reason; the phones and the language still editable. */
function IdentiteVerrouillee({ identite, raison }: { identite: Identite; raison: React.ReactNode }) {
  const t = useTextes(TEXTES_DOSSIER);
  const civilites = useCivilites();
  const pays = usePays();
  const departements = useDepartements();
  const commune = useCommune(identite.communeNaissance);
  const recharger = useRechargerDossier();
  const coordonnees = $api.useMutation('put', '/api/candidat/identite/coordonnees', { onSettled: () => recharger() });
  const lignes: [string, string | undefined][] = [
    [t.civilite, libelleDe(civilites, identite.civilite)],
    [t.nomNaissance, identite.nomNaissance],
    [t.nomUsage, identite.nomUsage],
    [t.prenom, identite.prenom],
    [t.autresPrenoms, identite.autresPrenoms],
    [t.dateNaissance, identite.dateNaissance.split('-').reverse().join('/')],
    [t.paysNaissance, libelleDe(optionsPays(pays), identite.paysNaissance)],
    [t.departementNaissance, libelleDe(departements, identite.departementNaissance)],
    [t.communeNaissance, commune?.libelle ?? identite.communeNaissance],
    [t.villeNaissance, identite.villeNaissance],
    [t.nationalite, libelleDe(optionsPays(pays, true), identite.nationalite)],
    [t.ine, identite.ine],
  ];
  return (
    <>
      <div className="alert alert-info" data-testid="identite-verrouillee">
        <p className="mb-0">
          <strong>{t.modificationImpossible}</strong> {raison}
        </p>
      </div>
      <dl className="row">
        {lignes
          .filter(([, valeur]) => valeur)
          .map(([terme, valeur]) => (
            <div key={terme} className="col-sm-6 col-lg-4 mb-2">
              <dt>{terme}</dt>
              <dd className="mb-0">{valeur}</dd>
            </div>
          ))}
      </dl>
      <Form
        noValidate
        aria-label={t.coordonnees}
        onSubmit={(e) => {
          e.preventDefault();
          const v = valeursRemplies(e.currentTarget);
          coordonnees.mutate({ params: siVersion(identite.version), body: { telephone: v.telephone, telephonePortable: v.telephonePortable, langue: v.langue === 'en' ? 'en' : 'fr' } });
        }}
      >
        <h3 className="h5">{t.coordonnees}</h3>
        <Retour erreur={coordonnees.error} succes={coordonnees.isSuccess && t.coordonneesEnregistrees} />
        <Saisie nom="telephone" libelle={t.telephone} type="tel" autoComplete="tel" defaultValue={identite.telephone} erreur={coordonnees.error} required={false} />
        <Saisie nom="telephonePortable" libelle={t.telephonePortable} type="tel" autoComplete="tel" defaultValue={identite.telephonePortable} erreur={coordonnees.error} required={false} />
        <Selection nom="langue" libelle={t.langueMails} options={LANGUES} defaultValue={identite.langue ?? 'fr'} erreur={coordonnees.error} />
        <Button type="submit" disabled={coordonnees.isPending}>
          {t.enregistrerCoordonnees}
        </Button>
      </Form>
    </>
  );
}
