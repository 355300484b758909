import { useRef, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { enProbleme } from '../commun/probleme';
import { ChoixCommune } from './Commune';
import { Selection, Saisie, valeursRemplies } from './champs';
import { FRANCE, libelleDe, optionsPays, useCommune, useDepartements, usePays } from './referentiels';
import { Retour } from './Retour';
import { siVersion, useRechargerDossier } from './version';

type Identite = Schemas['IdentiteDto'];

const CIVILITES = [
  { valeur: 'MME', libelle: 'Madame' },
  { valeur: 'M', libelle: 'Monsieur' },
];
const LANGUES = [
  { valeur: 'fr', libelle: 'Français' },
  { valeur: 'en', libelle: 'English' },
];

/** Why the identity cannot be changed here, when it cannot (the API says it on a refused save too). */
export const VERROU_CANDIDATURE =
  'Vous avez déjà candidaté : vos informations personnelles ne peuvent plus être modifiées ici (vos téléphones et votre langue restent modifiables). Pour corriger une erreur, contactez la scolarité de la formation.';
const VERROU_IMPORT =
  'Ces informations viennent du service de scolarité de l’université et ne peuvent pas être modifiées ici (vos téléphones et votre langue restent modifiables) : pour les corriger, contactez la scolarité de votre composante.';

/** The Orléans guide's hint, next to the field. */
export function AideIne() {
  return (
    <>
      L’INE (Identifiant National Étudiant, ou numéro BEA) figure sur le relevé de notes du baccalauréat ou sur un relevé de notes
      universitaire. Il est composé de 10 caractères alphanumériques et d’une clé (exemple : 1856816120 <strong>C</strong>), à saisir en
      MAJUSCULES, tout attaché. Soyez vigilant pour la saisie des « O » (lettre) et des « 0 » (zéro) : ils se confondent facilement.
      Sans INE français (étudiant étranger jamais inscrit en France), laissez ce champ vide.
    </>
  );
}

/**
 * Informations personnelles: PUT /api/candidat/identite (If-Match once they exist). Once the candidate has applied
 * (or when they come from the student records) they are shown read only with the reason; phones and language stay
 * editable (PUT /identite/coordonnees).
 */
export function SectionIdentite({ identite, verrouillee }: { identite: Identite | null; verrouillee: boolean }) {
  const [refus, setRefus] = useState<string | null>(null);
  if (identite && (identite.importe || verrouillee || refus)) {
    return <IdentiteVerrouillee identite={identite} raison={refus ?? (identite.importe ? VERROU_IMPORT : VERROU_CANDIDATURE)} />;
  }
  return <FormulaireIdentite identite={identite} onVerrou={setRefus} />;
}

function FormulaireIdentite({ identite, onVerrou }: { identite: Identite | null; onVerrou: (raison: string) => void }) {
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
    <Form noValidate ref={formulaire} aria-label="Informations personnelles" onSubmit={enregistrer}>
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && 'Vos informations personnelles sont enregistrées.'} />
      {avertissements.map((a) => (
        <Alert key={a.code} variant="warning" role="alert">
          <p>{a.message}</p>
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
              Enregistrer l’INE {a.suggestion}
            </Button>
          )}
        </Alert>
      ))}
      <Selection nom="civilite" libelle="Civilité" options={CIVILITES} defaultValue={identite?.civilite} erreur={enregistrement.error} />
      <Champ nom="nomNaissance" libelle="Nom de naissance" autoComplete="family-name" defaultValue={identite?.nomNaissance} erreur={enregistrement.error} />
      <Champ nom="nomUsage" libelle="Nom d’usage" defaultValue={identite?.nomUsage} erreur={enregistrement.error} required={false} />
      <Champ nom="prenom" libelle="Prénom" autoComplete="given-name" defaultValue={identite?.prenom} erreur={enregistrement.error} />
      <Champ nom="autresPrenoms" libelle="Autres prénoms" defaultValue={identite?.autresPrenoms} erreur={enregistrement.error} required={false} />
      <Saisie nom="dateNaissance" libelle="Date de naissance" type="date" autoComplete="bday" defaultValue={identite?.dateNaissance} erreur={enregistrement.error} />
      <Selection nom="paysNaissance" libelle="Pays de naissance" options={optionsPays(pays)} valeur={paysNaissance} onChange={setPaysNaissance} erreur={enregistrement.error} />
      {paysNaissance === FRANCE ? (
        <>
          <Selection nom="departementNaissance" libelle="Département de naissance" options={departements} valeur={departement} onChange={setDepartement} erreur={enregistrement.error} />
          <ChoixCommune key={departement} nom="communeNaissance" libelle="Commune de naissance" code={departement === identite?.departementNaissance ? identite?.communeNaissance : undefined} departement={departement} erreur={enregistrement.error} />
        </>
      ) : (
        <Champ nom="villeNaissance" libelle="Ville de naissance" defaultValue={identite?.villeNaissance} erreur={enregistrement.error} />
      )}
      <Selection nom="nationalite" libelle="Nationalité" options={optionsPays(pays, true)} defaultValue={identite?.nationalite} erreur={enregistrement.error} />
      <Saisie nom="ine" libelle="INE" defaultValue={identite?.ine} erreur={enregistrement.error} required={false} aide={<AideIne />} />
      <Saisie nom="telephone" libelle="Téléphone" type="tel" autoComplete="tel" defaultValue={identite?.telephone} erreur={enregistrement.error} required={false} />
      <Saisie nom="telephonePortable" libelle="Téléphone portable" type="tel" autoComplete="tel" defaultValue={identite?.telephonePortable} erreur={enregistrement.error} required={false} />
      <Selection nom="langue" libelle="Langue des mails et des lettres" options={LANGUES} defaultValue={identite?.langue ?? 'fr'} erreur={enregistrement.error} />
      <Button type="submit" disabled={enregistrement.isPending}>
        Enregistrer mes informations personnelles
      </Button>
    </Form>
  );
}

/** Read only, with the reason; the phones and the language still editable. */
function IdentiteVerrouillee({ identite, raison }: { identite: Identite; raison: string }) {
  const pays = usePays();
  const departements = useDepartements();
  const commune = useCommune(identite.communeNaissance);
  const recharger = useRechargerDossier();
  const coordonnees = $api.useMutation('put', '/api/candidat/identite/coordonnees', { onSettled: () => recharger() });
  const lignes: [string, string | undefined][] = [
    ['Civilité', libelleDe(CIVILITES, identite.civilite)],
    ['Nom de naissance', identite.nomNaissance],
    ['Nom d’usage', identite.nomUsage],
    ['Prénom', identite.prenom],
    ['Autres prénoms', identite.autresPrenoms],
    ['Date de naissance', identite.dateNaissance.split('-').reverse().join('/')],
    ['Pays de naissance', libelleDe(optionsPays(pays), identite.paysNaissance)],
    ['Département de naissance', libelleDe(departements, identite.departementNaissance)],
    ['Commune de naissance', commune?.libelle ?? identite.communeNaissance],
    ['Ville de naissance', identite.villeNaissance],
    ['Nationalité', libelleDe(optionsPays(pays, true), identite.nationalite)],
    ['INE', identite.ine],
  ];
  return (
    <>
      <div className="alert alert-info" data-testid="identite-verrouillee">
        <p className="mb-0">
          <strong>Modification impossible.</strong> {raison}
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
        aria-label="Coordonnées"
        onSubmit={(e) => {
          e.preventDefault();
          const v = valeursRemplies(e.currentTarget);
          coordonnees.mutate({ params: siVersion(identite.version), body: { telephone: v.telephone, telephonePortable: v.telephonePortable, langue: v.langue === 'en' ? 'en' : 'fr' } });
        }}
      >
        <h3 className="h5">Coordonnées</h3>
        <Retour erreur={coordonnees.error} succes={coordonnees.isSuccess && 'Vos coordonnées sont enregistrées.'} />
        <Saisie nom="telephone" libelle="Téléphone" type="tel" autoComplete="tel" defaultValue={identite.telephone} erreur={coordonnees.error} required={false} />
        <Saisie nom="telephonePortable" libelle="Téléphone portable" type="tel" autoComplete="tel" defaultValue={identite.telephonePortable} erreur={coordonnees.error} required={false} />
        <Selection nom="langue" libelle="Langue des mails et des lettres" options={LANGUES} defaultValue={identite.langue ?? 'fr'} erreur={coordonnees.error} />
        <Button type="submit" disabled={coordonnees.isPending}>
          Enregistrer mes coordonnées
        </Button>
      </Form>
    </>
  );
}
