import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { ChoixCommune } from './Commune';
import { Saisie, Selection, nombre, valeursRemplies } from './champs';
import { FRANCE, anneeSaisie, libelleDe, optionsPays, useDepartements, useEtablissements, useMentions, usePays, useSeriesBac, useSpecialitesBac } from './referentiels';
import { Retour } from './Retour';
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
      aria-label="Baccalauréat"
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
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && 'Votre baccalauréat est enregistré.'} />
      <Saisie nom="annee" libelle="Année d’obtention" type="number" valeur={annee} onChange={setAnnee} erreur={enregistrement.error} required={!sansBac} aide="La liste des séries se met à jour avec l’année d’obtention." />
      <Selection nom="serie" libelle="Série du bac ou équivalence" options={series.map((s) => ({ valeur: s.code, libelle: s.libelle }))} valeur={serie} onChange={setSerie} erreur={enregistrement.error} />
      {!sansBac && (
        <>
          {choisie?.avecSpecialites && (
            <fieldset className="mb-3">
              <legend className="fs-6">Les deux spécialités de terminale</legend>
              <Selection nom="specialite1" libelle="Première spécialité" options={specialites} defaultValue={bac?.specialites?.[0]} erreur={enregistrement.error} />
              <Selection nom="specialite2" libelle="Seconde spécialité" options={specialites} defaultValue={bac?.specialites?.[1]} erreur={enregistrement.error} />
              <ErreurSpecialites erreur={enregistrement.error} />
            </fieldset>
          )}
          <Selection nom="mention" libelle="Mention" options={mentions} defaultValue={bac?.mention} erreur={enregistrement.error} required={false} vide="Aucune" />
          <Selection nom="pays" libelle="Pays d’obtention" options={optionsPays(pays)} valeur={paysBac} onChange={setPaysBac} erreur={enregistrement.error} />
          {paysBac === FRANCE && (
            <>
              <Selection nom="departement" libelle="Département" options={departements} valeur={departement} onChange={setDepartement} erreur={enregistrement.error} />
              <ChoixCommune key={departement} nom="commune" libelle="Commune" code={departement === bac?.departement ? bac?.commune : undefined} departement={departement} erreur={enregistrement.error} required={false} />
              <Selection nom="etablissement" libelle="Établissement" options={etablissements} defaultValue={bac?.etablissement} erreur={enregistrement.error} required={false} vide={etablissements.length ? 'Choisir…' : 'Aucun établissement listé pour ce département'} />
            </>
          )}
        </>
      )}
      <Button type="submit" disabled={enregistrement.isPending}>
        Enregistrer mon baccalauréat
      </Button>
    </Form>
  );
}

/** The API names `specialites` (count) or `specialites[i]` (a code): shown under the pair. */
function ErreurSpecialites({ erreur }: { erreur: unknown }) {
  const probleme = erreur as Schemas['ProblemDto'] | null;
  const messages = probleme?.errors?.filter((e) => e.field.startsWith('specialites')).map((e) => e.message) ?? [];
  if (messages.length === 0) return null;
  return <p className="text-danger small mb-0">Spécialités : {messages.join(' ; ')}</p>;
}

function BacImporte({ bac }: { bac: Bac }) {
  const mentions = useMentions();
  const departements = useDepartements();
  return (
    <>
      <div className="alert alert-info">
        Votre baccalauréat vient du service de scolarité de l’université : il ne peut pas être modifié ici. Pour le corriger, contactez
        la scolarité de votre composante.
      </div>
      <dl>
        <dt>Série</dt>
        <dd>{bac.serie}</dd>
        {bac.annee && (
          <>
            <dt>Année d’obtention</dt>
            <dd>{bac.annee}</dd>
          </>
        )}
        {bac.mention && (
          <>
            <dt>Mention</dt>
            <dd>{libelleDe(mentions, bac.mention)}</dd>
          </>
        )}
        {bac.departement && (
          <>
            <dt>Département</dt>
            <dd>{libelleDe(departements, bac.departement)}</dd>
          </>
        )}
      </dl>
    </>
  );
}
