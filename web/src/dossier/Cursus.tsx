import { useState } from 'react';
import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { ChoixCommune } from './Commune';
import { Saisie, Selection, nombre } from './champs';
import { ListeEditable } from './ListeEditable';
import { FRANCE, libelleDe, optionsPays, useDepartements, useEtablissements, useMentions, usePays, useTypesDiplome } from './referentiels';
import { siVersion, useRechargerDossier } from './version';

type Cursus = Schemas['CursusDto'];
type CursusExterne = Schemas['CursusExterneDto'];

const RESULTATS = [
  { valeur: 'OBTENU', libelle: 'Obtenu' },
  { valeur: 'NON_OBTENU', libelle: 'Non obtenu' },
  { valeur: 'EN_COURS', libelle: 'En cours' },
];
const AUTRE = 'AUTRE';

/** The academic year « 2024-2025 » of its first calendar year. */
const anneeUniversitaire = (annee: number) => `${annee}-${annee + 1}`;

/** The years at the university, from the student records: read only. */
export function SectionCursusInterne({ cursus }: { cursus: Schemas['CursusInterneDto'][] }) {
  const mentions = useMentions();
  if (cursus.length === 0) {
    return (
      <p>
        Cette partie se complète automatiquement si vous êtes ou avez été étudiant de l’université et si vous avez saisi votre INE. Vous
        n’y avez rien à saisir.
      </p>
    );
  }
  return (
    <>
      <p>Ces années viennent du service de scolarité : pour corriger une erreur, contactez la scolarité concernée.</p>
      <Table responsive size="sm">
        <thead>
          <tr>
            <th scope="col">Année</th>
            <th scope="col">Formation</th>
            <th scope="col">Résultat</th>
            <th scope="col">Mention</th>
          </tr>
        </thead>
        <tbody>
          {cursus.map((c) => (
            <tr key={`${c.annee}-${c.codeFormation}`}>
              <td>{anneeUniversitaire(c.annee)}</td>
              <td>{c.libelleFormation}</td>
              <td>{c.resultat ?? 'En cours'}</td>
              <td>{libelleDe(mentions, c.mention)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** A change of a list, then the file read again (also after a 412, so that the next try sends the version stored). */
function useEnvoi() {
  const recharger = useRechargerDossier();
  return async (appel: Promise<unknown>) => {
    try {
      await appel;
    } finally {
      await recharger();
    }
  };
}

export function SectionCursusExterne({ lignes }: { lignes: Cursus['cursusExterne'] }) {
  const envoyer = useEnvoi();
  const ajout = $api.useMutation('post', '/api/candidat/cursus-externe');
  const modification = $api.useMutation('put', '/api/candidat/cursus-externe/{id}');
  const suppression = $api.useMutation('delete', '/api/candidat/cursus-externe/{id}');
  const pays = usePays();
  const types = useTypesDiplome();
  const mentions = useMentions();
  const corps = (v: Record<string, string>): Schemas['CursusExterneInput'] => {
    const enFrance = v.pays === FRANCE;
    const liste = enFrance && v.etablissement && v.etablissement !== AUTRE;
    return {
      annee: nombre(v.annee) as number,
      resultat: v.resultat as CursusExterne['resultat'],
      pays: v.pays ?? '',
      departement: enFrance ? v.departement : undefined,
      commune: enFrance ? v.commune : undefined,
      etablissement: liste ? v.etablissement : undefined,
      libelleEtablissement: liste ? undefined : v.libelleEtablissement,
      typeDiplome: v.typeDiplome ?? '',
      libelle: v.libelle ?? '',
      mention: v.mention,
    };
  };
  return (
    <ListeEditable<CursusExterne>
      element="cursus externe"
      unElement="une année d’études"
      lignes={lignes}
      nomLigne={(l) => `${anneeUniversitaire(l.annee)} ${l.libelle}`}
      colonnes={[
        { titre: 'Année', valeur: (l) => anneeUniversitaire(l.annee) },
        { titre: 'Pays', valeur: (l) => libelleDe(optionsPays(pays), l.pays) },
        { titre: 'Établissement', valeur: (l) => l.libelleEtablissement ?? l.etablissement ?? '' },
        { titre: 'Formation', valeur: (l) => libelleDe(types, l.typeDiplome) },
        { titre: 'Libellé de la formation', valeur: (l) => l.libelle },
        { titre: 'Résultat', valeur: (l) => libelleDe(RESULTATS, l.resultat) },
        { titre: 'Mention', valeur: (l) => libelleDe(mentions, l.mention) },
      ]}
      champs={(ligne, erreur) => <ChampsCursusExterne ligne={ligne} erreur={erreur} />}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}

function ChampsCursusExterne({ ligne, erreur }: { ligne: CursusExterne | undefined; erreur: unknown }) {
  const pays = usePays();
  const departements = useDepartements();
  const types = useTypesDiplome();
  const mentions = useMentions();
  const [paysCursus, setPaysCursus] = useState(ligne?.pays ?? FRANCE);
  const [departement, setDepartement] = useState(ligne?.departement ?? '');
  const [etablissement, setEtablissement] = useState(ligne ? (ligne.etablissement ?? AUTRE) : '');
  const etablissements = useEtablissements(paysCursus === FRANCE ? departement : undefined, 'SUPERIEUR');
  const enFrance = paysCursus === FRANCE;
  return (
    <>
      <Saisie nom="annee" libelle="Année universitaire (première année : 2024 pour 2024-2025)" type="number" defaultValue={ligne?.annee} erreur={erreur} />
      <Selection nom="pays" libelle="Pays" options={optionsPays(pays)} valeur={paysCursus} onChange={setPaysCursus} erreur={erreur} />
      {enFrance && (
        <>
          <Selection nom="departement" libelle="Département" options={departements} valeur={departement} onChange={setDepartement} erreur={erreur} />
          <ChoixCommune key={departement} nom="commune" libelle="Commune" code={departement === ligne?.departement ? ligne?.commune : undefined} departement={departement} erreur={erreur} required={false} />
          <Selection
            nom="etablissement"
            libelle="Établissement"
            options={[...etablissements, { valeur: AUTRE, libelle: 'Autre établissement (non listé)' }]}
            valeur={etablissement}
            onChange={setEtablissement}
            erreur={erreur}
          />
        </>
      )}
      {(!enFrance || etablissement === AUTRE) && (
        <Champ nom="libelleEtablissement" libelle="Nom de l’établissement" defaultValue={ligne?.libelleEtablissement} erreur={erreur} aide="Un IUT : saisissez son université de rattachement." />
      )}
      <Selection nom="typeDiplome" libelle="Type de formation" options={types} defaultValue={ligne?.typeDiplome} erreur={erreur} />
      <Champ nom="libelle" libelle="Libellé de la formation" defaultValue={ligne?.libelle} erreur={erreur} />
      <Selection nom="resultat" libelle="Résultat" options={RESULTATS} defaultValue={ligne?.resultat} erreur={erreur} />
      <Selection nom="mention" libelle="Mention" options={mentions} defaultValue={ligne?.mention} erreur={erreur} required={false} vide="Aucune" />
    </>
  );
}

export function SectionStages({ lignes }: { lignes: Cursus['stages'] }) {
  const envoyer = useEnvoi();
  const ajout = $api.useMutation('post', '/api/candidat/stages');
  const modification = $api.useMutation('put', '/api/candidat/stages/{id}');
  const suppression = $api.useMutation('delete', '/api/candidat/stages/{id}');
  const corps = (v: Record<string, string>): Schemas['StageInput'] => ({
    annee: nombre(v.annee) as number,
    duree: v.duree ?? '',
    heuresParSemaine: nombre(v.heuresParSemaine),
    organisme: v.organisme ?? '',
    descriptif: v.descriptif ?? '',
  });
  return (
    <ListeEditable<Schemas['StageDto']>
      element="stage"
      unElement="un stage"
      lignes={lignes}
      nomLigne={(l) => `stage ${l.annee} ${l.organisme}`}
      colonnes={[
        { titre: 'Année', valeur: (l) => l.annee },
        { titre: 'Durée', valeur: (l) => l.duree },
        { titre: 'Heures par semaine', valeur: (l) => l.heuresParSemaine ?? '' },
        { titre: 'Employeur ou organisme', valeur: (l) => l.organisme },
        { titre: 'Descriptif', valeur: (l) => l.descriptif },
      ]}
      champs={(ligne, erreur) => (
        <>
          <Saisie nom="annee" libelle="Année" type="number" defaultValue={ligne?.annee} erreur={erreur} />
          <Champ nom="duree" libelle="Durée" defaultValue={ligne?.duree} erreur={erreur} aide="Par exemple : 8 semaines." />
          <Saisie nom="heuresParSemaine" libelle="Nombre d’heures par semaine" type="number" defaultValue={ligne?.heuresParSemaine} erreur={erreur} required={false} />
          <Champ nom="organisme" libelle="Employeur ou organisme" defaultValue={ligne?.organisme} erreur={erreur} />
          <Saisie nom="descriptif" libelle="Descriptif" lignes={3} defaultValue={ligne?.descriptif} erreur={erreur} />
        </>
      )}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}

export function SectionExperiencesPro({ lignes }: { lignes: Cursus['experiencesPro'] }) {
  const envoyer = useEnvoi();
  const ajout = $api.useMutation('post', '/api/candidat/experiences-pro');
  const modification = $api.useMutation('put', '/api/candidat/experiences-pro/{id}');
  const suppression = $api.useMutation('delete', '/api/candidat/experiences-pro/{id}');
  const corps = (v: Record<string, string>): Schemas['ExperienceProInput'] => ({
    annee: nombre(v.annee) as number,
    intitule: v.intitule ?? '',
    duree: v.duree ?? '',
    organisme: v.organisme ?? '',
    descriptif: v.descriptif,
  });
  return (
    <ListeEditable<Schemas['ExperienceProDto']>
      element="expérience professionnelle"
      unElement="une expérience professionnelle"
      feminin
      lignes={lignes}
      nomLigne={(l) => `${l.intitule} ${l.annee} ${l.organisme}`}
      colonnes={[
        { titre: 'Année', valeur: (l) => l.annee },
        { titre: 'Intitulé', valeur: (l) => l.intitule },
        { titre: 'Durée', valeur: (l) => l.duree },
        { titre: 'Employeur ou organisme', valeur: (l) => l.organisme },
        { titre: 'Descriptif', valeur: (l) => l.descriptif ?? '' },
      ]}
      champs={(ligne, erreur) => (
        <>
          <Saisie nom="annee" libelle="Année" type="number" defaultValue={ligne?.annee} erreur={erreur} />
          <Champ nom="intitule" libelle="Intitulé" defaultValue={ligne?.intitule} erreur={erreur} />
          <Champ nom="duree" libelle="Durée" defaultValue={ligne?.duree} erreur={erreur} aide="Par exemple : CDD 8 mois." />
          <Champ nom="organisme" libelle="Employeur ou organisme" defaultValue={ligne?.organisme} erreur={erreur} />
          <Saisie nom="descriptif" libelle="Descriptif" lignes={3} defaultValue={ligne?.descriptif} erreur={erreur} required={false} />
        </>
      )}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}
