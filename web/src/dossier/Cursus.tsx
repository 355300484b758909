import { useState } from 'react';
import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { ChoixCommune } from './Commune';
import { Saisie, Selection, nombre } from './champs';
import { ListeEditable } from './ListeEditable';
import { FRANCE, libelleDe, optionsPays, useDepartements, useEtablissements, useMentions, usePays, useTypesDiplome } from './referentiels';
import { TEXTES_DOSSIER } from './textes';
import { siVersion, useRechargerDossier } from './version';

type Cursus = Schemas['CursusDto'];
type CursusExterne = Schemas['CursusExterneDto'];

/** Obtenu, non obtenu, en cours as options. */
function useResultats() {
  const { resultats } = useTextes(TEXTES_DOSSIER);
  return (['OBTENU', 'NON_OBTENU', 'EN_COURS'] as const).map((valeur) => ({ valeur, libelle: resultats[valeur] }));
}
const AUTRE = 'AUTRE';

/** The academic year « 2024-2025 » of its first calendar year. */
const anneeUniversitaire = (annee: number) => `${annee}-${annee + 1}`;

/** The years at the university, from the student records: read only. */
export function SectionCursusInterne({ cursus }: { cursus: Schemas['CursusInterneDto'][] }) {
  const t = useTextes(TEXTES_DOSSIER);
  const mentions = useMentions();
  if (cursus.length === 0) return <p>{t.cursusInterneVide}</p>;
  return (
    <>
      <p>{t.cursusInterneOrigine}</p>
      <Table responsive size="sm">
        <thead>
          <tr>
            <th scope="col">{t.annee}</th>
            <th scope="col">{t.formation}</th>
            <th scope="col">{t.resultat}</th>
            <th scope="col">{t.mention}</th>
          </tr>
        </thead>
        <tbody>
          {cursus.map((c) => (
            <tr key={`${c.annee}-${c.codeFormation}`}>
              <td>{anneeUniversitaire(c.annee)}</td>
              <td>{c.libelleFormation}</td>
              <td>{c.resultat ?? t.enCours}</td>
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
  const t = useTextes(TEXTES_DOSSIER);
  const resultats = useResultats();
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
      libelles={t.cursusExterne}
      lignes={lignes}
      nomLigne={(l) => `${anneeUniversitaire(l.annee)} ${l.libelle}`}
      colonnes={[
        { titre: t.annee, valeur: (l) => anneeUniversitaire(l.annee) },
        { titre: t.pays, valeur: (l) => libelleDe(optionsPays(pays), l.pays) },
        { titre: t.etablissement, valeur: (l) => l.libelleEtablissement ?? l.etablissement ?? '' },
        { titre: t.formation, valeur: (l) => libelleDe(types, l.typeDiplome) },
        { titre: t.libelleFormation, valeur: (l) => l.libelle },
        { titre: t.resultat, valeur: (l) => libelleDe(resultats, l.resultat) },
        { titre: t.mention, valeur: (l) => libelleDe(mentions, l.mention) },
      ]}
      champs={(ligne, erreur) => <ChampsCursusExterne ligne={ligne} erreur={erreur} />}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}

function ChampsCursusExterne({ ligne, erreur }: { ligne: CursusExterne | undefined; erreur: unknown }) {
  const t = useTextes(TEXTES_DOSSIER);
  const resultats = useResultats();
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
      <Saisie nom="annee" libelle={t.anneeUniversitaire} type="number" defaultValue={ligne?.annee} erreur={erreur} />
      <Selection nom="pays" libelle={t.pays} options={optionsPays(pays)} valeur={paysCursus} onChange={setPaysCursus} erreur={erreur} />
      {enFrance && (
        <>
          <Selection nom="departement" libelle={t.departement} options={departements} valeur={departement} onChange={setDepartement} erreur={erreur} />
          <ChoixCommune key={departement} nom="commune" libelle={t.commune} code={departement === ligne?.departement ? ligne?.commune : undefined} departement={departement} erreur={erreur} required={false} />
          <Selection
            nom="etablissement"
            libelle={t.etablissement}
            options={[...etablissements, { valeur: AUTRE, libelle: t.autreEtablissement }]}
            valeur={etablissement}
            onChange={setEtablissement}
            erreur={erreur}
          />
        </>
      )}
      {(!enFrance || etablissement === AUTRE) && (
        <Champ nom="libelleEtablissement" libelle={t.nomEtablissement} defaultValue={ligne?.libelleEtablissement} erreur={erreur} aide={t.aideIut} />
      )}
      <Selection nom="typeDiplome" libelle={t.typeFormation} options={types} defaultValue={ligne?.typeDiplome} erreur={erreur} />
      <Champ nom="libelle" libelle={t.libelleFormation} defaultValue={ligne?.libelle} erreur={erreur} />
      <Selection nom="resultat" libelle={t.resultat} options={resultats} defaultValue={ligne?.resultat} erreur={erreur} />
      <Selection nom="mention" libelle={t.mention} options={mentions} defaultValue={ligne?.mention} erreur={erreur} required={false} vide={t.aucune} />
    </>
  );
}

export function SectionStages({ lignes }: { lignes: Cursus['stages'] }) {
  const t = useTextes(TEXTES_DOSSIER);
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
      libelles={t.stages}
      lignes={lignes}
      nomLigne={(l) => t.nomStage(l.annee, l.organisme)}
      colonnes={[
        { titre: t.annee, valeur: (l) => l.annee },
        { titre: t.duree, valeur: (l) => l.duree },
        { titre: t.heuresParSemaine, valeur: (l) => l.heuresParSemaine ?? '' },
        { titre: t.organisme, valeur: (l) => l.organisme },
        { titre: t.descriptif, valeur: (l) => l.descriptif },
      ]}
      champs={(ligne, erreur) => (
        <>
          <Saisie nom="annee" libelle={t.annee} type="number" defaultValue={ligne?.annee} erreur={erreur} />
          <Champ nom="duree" libelle={t.duree} defaultValue={ligne?.duree} erreur={erreur} aide={t.aideDureeStage} />
          <Saisie nom="heuresParSemaine" libelle={t.nombreHeures} type="number" defaultValue={ligne?.heuresParSemaine} erreur={erreur} required={false} />
          <Champ nom="organisme" libelle={t.organisme} defaultValue={ligne?.organisme} erreur={erreur} />
          <Saisie nom="descriptif" libelle={t.descriptif} lignes={3} defaultValue={ligne?.descriptif} erreur={erreur} />
        </>
      )}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}

export function SectionExperiencesPro({ lignes }: { lignes: Cursus['experiencesPro'] }) {
  const t = useTextes(TEXTES_DOSSIER);
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
      libelles={t.experiences}
      lignes={lignes}
      nomLigne={(l) => `${l.intitule} ${l.annee} ${l.organisme}`}
      colonnes={[
        { titre: t.annee, valeur: (l) => l.annee },
        { titre: t.intitule, valeur: (l) => l.intitule },
        { titre: t.duree, valeur: (l) => l.duree },
        { titre: t.organisme, valeur: (l) => l.organisme },
        { titre: t.descriptif, valeur: (l) => l.descriptif ?? '' },
      ]}
      champs={(ligne, erreur) => (
        <>
          <Saisie nom="annee" libelle={t.annee} type="number" defaultValue={ligne?.annee} erreur={erreur} />
          <Champ nom="intitule" libelle={t.intitule} defaultValue={ligne?.intitule} erreur={erreur} />
          <Champ nom="duree" libelle={t.duree} defaultValue={ligne?.duree} erreur={erreur} aide={t.aideDureeExperience} />
          <Champ nom="organisme" libelle={t.organisme} defaultValue={ligne?.organisme} erreur={erreur} />
          <Saisie nom="descriptif" libelle={t.descriptif} lignes={3} defaultValue={ligne?.descriptif} erreur={erreur} required={false} />
        </>
      )}
      ajouter={(v) => envoyer(ajout.mutateAsync({ body: corps(v) }))}
      modifier={(l, v) => envoyer(modification.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) }, body: corps(v) }))}
      supprimer={(l) => envoyer(suppression.mutateAsync({ params: { path: { id: l.id }, ...siVersion(l.version) } }))}
    />
  );
}
