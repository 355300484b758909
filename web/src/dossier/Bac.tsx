import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { useTextes } from '../commun/langue';
import { ChoixCommune } from './Commune';
import { Saisie, Selection, nombre, valeursRemplies } from './champs';
import { FRANCE, anneeSaisie, libelleDe, optionsPays, useDepartements, useEtablissements, useMentions, usePays, useSeriesBac, useSpecialitesBac } from './referentiels';
import { Retour } from './Retour';
import { TEXTES_DOSSIER } from './textes';
import { siVersion, useRechargerDossier } from './version';

type Bac = Schemas['BacDto'];

/**
 * The baccalauréat or its equivalent: PUT /api/candidat/bac. The séries follow the year typed (as the Caen guide
 * says: « la liste des séries se met à jour avec l'année d'obtention »); the general bac from 2021 asks for its two
 * spécialités of that session. A bac from the student records is read only.
 */
export function SectionBac({ bac }: { bac: Bac | null }) {
  if (bac?.importe) return <BacImporte bac={bac} />;
  return <FormulaireBac bac={bac} />;
}

function FormulaireBac({ bac }: { bac: Bac | null }) {
  const t = useTextes(TEXTES_DOSSIER);
  const recharger = useRechargerDossier();
  const pays = usePays();
  const departements = useDepartements();
  const mentions = useMentions();
  const [annee, setAnnee] = useState(bac?.annee ? String(bac.annee) : '');
  const [serie, setSerie] = useState(bac?.serie ?? '');
  const [paysBac, setPaysBac] = useState(bac?.pays ?? FRANCE);
  const [departement, setDepartement] = useState(bac?.departement ?? '');
  const series = useSeriesBac(anneeSaisie(annee));
  const specialites = useSpecialitesBac(anneeSaisie(annee));
  const etablissements = useEtablissements(paysBac === FRANCE ? departement : undefined, 'LYCEE');
  const choisie = series.find((s) => s.code === serie);
  const sansBac = choisie?.categorie === 'SANS_BAC';
  const enregistrement = $api.useMutation('put', '/api/candidat/bac', { onSettled: () => recharger() });
  return (
    <Form
      noValidate
      aria-label={t.baccalaureat}
      onSubmit={(e) => {
        e.preventDefault();
        const v = valeursRemplies(e.currentTarget);
        const enFrance = v.pays === FRANCE;
        enregistrement.mutate({
          params: siVersion(bac?.version),
          body: sansBac
            ? { serie: v.serie ?? '' }
            : {
                serie: v.serie ?? '',
                annee: nombre(v.annee),
                mention: v.mention,
                specialites: choisie?.avecSpecialites ? [v.specialite1, v.specialite2].filter((s): s is string => Boolean(s)) : undefined,
                pays: v.pays,
                departement: enFrance ? v.departement : undefined,
                commune: enFrance ? v.commune : undefined,
                etablissement: enFrance ? v.etablissement : undefined,
              },
        });
      }}
    >
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && t.bacEnregistre} />
      <Saisie nom="annee" libelle={t.anneeObtention} type="number" valeur={annee} onChange={setAnnee} erreur={enregistrement.error} required={!sansBac} aide={t.aideAnneeBac} />
      <Selection nom="serie" libelle={t.serieBac} options={series.map((s) => ({ valeur: s.code, libelle: s.libelle }))} valeur={serie} onChange={setSerie} erreur={enregistrement.error} />
      {!sansBac && (
        <>
          {choisie?.avecSpecialites && (
            <fieldset className="mb-3">
              <legend className="fs-6">{t.deuxSpecialites}</legend>
              <Selection nom="specialite1" libelle={t.specialite1} options={specialites} defaultValue={bac?.specialites?.[0]} erreur={enregistrement.error} />
              <Selection nom="specialite2" libelle={t.specialite2} options={specialites} defaultValue={bac?.specialites?.[1]} erreur={enregistrement.error} />
              <ErreurSpecialites erreur={enregistrement.error} />
            </fieldset>
          )}
          <Selection nom="mention" libelle={t.mention} options={mentions} defaultValue={bac?.mention} erreur={enregistrement.error} required={false} vide={t.aucune} />
          <Selection nom="pays" libelle={t.paysObtention} options={optionsPays(pays)} valeur={paysBac} onChange={setPaysBac} erreur={enregistrement.error} />
          {paysBac === FRANCE && (
            <>
              <Selection nom="departement" libelle={t.departement} options={departements} valeur={departement} onChange={setDepartement} erreur={enregistrement.error} />
              <ChoixCommune key={departement} nom="commune" libelle={t.commune} code={departement === bac?.departement ? bac?.commune : undefined} departement={departement} erreur={enregistrement.error} required={false} />
              <Selection nom="etablissement" libelle={t.etablissement} options={etablissements} defaultValue={bac?.etablissement} erreur={enregistrement.error} required={false} vide={etablissements.length ? t.choisir : t.aucunEtablissement} />
            </>
          )}
        </>
      )}
      <Button type="submit" disabled={enregistrement.isPending}>
        {t.enregistrerBac}
      </Button>
    </Form>
  );
}

/** The API names `specialites` (count) or `specialites[i]` (a code): shown under the pair. */
function ErreurSpecialites({ erreur }: { erreur: unknown }) {
  const t = useTextes(TEXTES_DOSSIER);
  const probleme = erreur as Schemas['ProblemDto'] | null;
  const messages = probleme?.errors?.filter((e) => e.field.startsWith('specialites')).map((e) => e.message) ?? [];
  if (messages.length === 0) return null;
  return (
    <p className="text-danger small mb-0">
      {t.specialites} <span lang="fr">{messages.join(' ; ')}</span>
    </p>
  );
}

function BacImporte({ bac }: { bac: Bac }) {
  const t = useTextes(TEXTES_DOSSIER);
  const mentions = useMentions();
  const departements = useDepartements();
  return (
    <>
      <div className="alert alert-info">{t.bacImporte}</div>
      <dl>
        <dt>{t.serie}</dt>
        <dd>{bac.serie}</dd>
        {bac.annee && (
          <>
            <dt>{t.anneeObtention}</dt>
            <dd>{bac.annee}</dd>
          </>
        )}
        {bac.mention && (
          <>
            <dt>{t.mention}</dt>
            <dd>{libelleDe(mentions, bac.mention)}</dd>
          </>
        )}
        {bac.departement && (
          <>
            <dt>{t.departement}</dt>
            <dd>{libelleDe(departements, bac.departement)}</dd>
          </>
        )}
      </dl>
    </>
  );
}
