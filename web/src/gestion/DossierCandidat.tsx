import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { dateLisible } from '../commun/dates';

/** The candidate's file as staff read it: identity, address, bac, cursus (internal and external), stages, jobs. */
export function DossierCandidat({ dossier }: { dossier: Schemas['DossierDto'] }) {
  const { identite, adresse, bac, cursus } = dossier;
  return (
    <>
      {dossier.manquants.length > 0 && (
        <ul>
          {dossier.manquants.map((m) => (
            <li key={m.section}>{m.libelle}</li>
          ))}
        </ul>
      )}
      <dl className="row">
        <dt className="col-sm-4">Numéro de dossier</dt>
        <dd className="col-sm-8">{dossier.numeroDossier}</dd>
        <dt className="col-sm-4">Adresse e-mail</dt>
        <dd className="col-sm-8">{dossier.email}</dd>
        {identite && (
          <>
            <dt className="col-sm-4">Identité</dt>
            <dd className="col-sm-8">
              {identite.civilite === 'MME' ? 'Mme' : 'M.'} {identite.prenom} {identite.autresPrenoms} {identite.nomUsage ?? identite.nomNaissance}
              {identite.nomUsage && <> (née ou né {identite.nomNaissance})</>}
            </dd>
            <dt className="col-sm-4">Naissance</dt>
            <dd className="col-sm-8">
              {dateLisible(identite.dateNaissance)} · {identite.villeNaissance ?? identite.communeNaissance ?? ''} ({identite.paysNaissance}) · nationalité {identite.nationalite}
            </dd>
            <dt className="col-sm-4">INE</dt>
            <dd className="col-sm-8">{identite.ine ?? '—'}</dd>
            <dt className="col-sm-4">Téléphone</dt>
            <dd className="col-sm-8">{[identite.telephone, identite.telephonePortable].filter(Boolean).join(' · ') || '—'}</dd>
          </>
        )}
        {adresse && (
          <>
            <dt className="col-sm-4">Adresse</dt>
            <dd className="col-sm-8">
              {[adresse.ligne1, adresse.ligne2, adresse.ligne3, [adresse.codePostal, adresse.villeEtrangere ?? adresse.commune, adresse.cedex].filter(Boolean).join(' '), adresse.pays].filter(Boolean).join(', ')}
            </dd>
          </>
        )}
        {bac && (
          <>
            <dt className="col-sm-4">Baccalauréat</dt>
            <dd className="col-sm-8">
              {bac.serie === 'SANS' ? 'Sans baccalauréat' : `Série ${bac.serie}${bac.annee ? `, ${bac.annee}` : ''}${bac.mention ? `, mention ${bac.mention}` : ''}`}
              {bac.specialites && bac.specialites.length > 0 && <> · spécialités {bac.specialites.join(', ')}</>}
            </dd>
          </>
        )}
      </dl>
      <Liste titre="Cursus à l’université" vide="Aucun" lignes={dossier.cursusInterne.map((c) => `${c.annee}-${c.annee + 1} · ${c.libelleFormation} (${c.codeFormation})${c.resultat ? ` · ${c.resultat}` : ''}${c.mention ? ` · ${c.mention}` : ''}`)} />
      <Liste titre="Cursus externe" vide="Aucun" lignes={cursus.cursusExterne.map((c) => `${c.annee}-${c.annee + 1} · ${c.libelle} · ${c.libelleEtablissement ?? c.etablissement ?? c.pays} · ${c.resultat}`)} />
      <Liste titre="Stages" vide="Aucun" lignes={cursus.stages.map((s) => `${s.annee} · ${s.organisme} · ${s.duree} · ${s.descriptif}`)} />
      <Liste titre="Expériences professionnelles" vide="Aucune" lignes={cursus.experiencesPro.map((x) => `${x.annee} · ${x.intitule}, ${x.organisme} · ${x.duree}`)} />
    </>
  );
}

function Liste({ titre, lignes, vide }: { titre: string; lignes: string[]; vide: string }) {
  return (
    <Table size="sm" className="mb-3">
      <caption className="caption-top">{titre}</caption>
      <tbody>
        {lignes.length === 0 ? (
          <tr>
            <td>{vide}</td>
          </tr>
        ) : (
          lignes.map((l, i) => (
            <tr key={i}>
              <td>{l}</td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
