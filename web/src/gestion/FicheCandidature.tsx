import { Suspense, lazy, useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api, api, queryClient } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { useSession } from '../commun/session';
import { peutEffacerCandidats } from '../administration/acces';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from './ChampGestion';
import { DossierCandidat } from './DossierCandidat';
import { EtiquettesCandidature } from './etiquettes/EtiquettesCandidature';
import { STATUTS_DOSSIER, TYPES_TRAITEMENT } from './filtres';
import { FormulaireAvis } from './FormulaireAvis';
import { PiecesCandidature } from './PiecesCandidature';
import { enregistrer } from '../commun/telechargement';
import { Section } from './Section';
import { AgirPourCandidat } from './pour-candidat/AgirPourCandidat';
import { SupprimerNote } from './pour-candidat/SupprimerNote';

type Detail = Schemas['CandidatureStaffDetailDto'];

/** The RGPD export and erasure: the administration's chunk, loaded only for the roles allowed to use it. */
const DonneesCandidat = lazy(() => import('../administration/DonneesCandidat'));

/** A candidature's full view (GET /api/candidatures/{id}) and every action staff take on it. */
export default function FicheCandidature() {
  const id = Number(useParams().id);
  const fiche = $api.useQuery('get', '/api/candidatures/{id}', { params: { path: { id } } });
  const c = fiche.data;
  const identite = c?.dossier.identite;
  const nom = identite ? `${identite.prenom} ${identite.nomUsage ?? identite.nomNaissance}` : c?.numeroDossier;
  return (
    <Page titre={c ? `Candidature de ${nom}` : 'Candidature'}>
      <p>
        <Link to="/gestion">Retour à la liste des candidatures</Link>
      </p>
      {fiche.isPending && <Chargement />}
      <Probleme erreur={fiche.error} />
      {c && <Contenu c={c} nom={nom ?? c.numeroDossier} />}
    </Page>
  );
}


function Contenu({ c, nom }: { c: Detail; nom: string }) {
  const r = c.recapitulatif;
  const roles = useSession()?.me.roles ?? [];
  const [erreurPdf, setErreurPdf] = useState<unknown>(null);
  const telecharger = async (quoi: 'dossier' | 'lettre') => {
    setErreurPdf(null);
    const params = { path: { id: c.id } };
    const { data, error } =
      quoi === 'dossier'
        ? await api.GET('/api/candidatures/{id}/dossier.pdf', { params, parseAs: 'blob' })
        : await api.GET('/api/candidatures/{id}/lettre.pdf', { params, parseAs: 'blob' });
    if (error || !data) setErreurPdf(error ?? new Error('vide'));
    else enregistrer(data as Blob, `${quoi}-${c.numeroDossier}-${r.formation.code}.pdf`);
  };
  return (
    <>
      <Section titre="Résumé">
        <dl className="row mb-0">
          <dt className="col-sm-4">Formation</dt>
          <dd className="col-sm-8">
            {r.formation.libelle} ({r.formation.code}) · {r.formation.demat ? 'dossier en ligne' : 'dossier papier'}
          </dd>
          <dt className="col-sm-4">Centre · commission</dt>
          <dd className="col-sm-8">
            {c.centre} · {c.commission}
          </dd>
          <dt className="col-sm-4">Statut du dossier</dt>
          <dd className="col-sm-8" data-testid="statut-dossier">
            {r.statutDossier.libelle}
            {c.dateReception && <> · reçu le {dateLisible(c.dateReception)}</>}
            {c.dateIncomplet && <> · incomplet le {dateLisible(c.dateIncomplet)}</>}
            {c.dateComplet && <> · complet le {dateLisible(c.dateComplet)}</>}
          </dd>
          <dt className="col-sm-4">Type de traitement</dt>
          <dd className="col-sm-8">
            {r.typeTraitement.libelle} {r.typeTraitement.valide ? <Badge bg="success">validé</Badge> : <Badge bg="secondary">non validé</Badge>}
          </dd>
          <dt className="col-sm-4">Décision publiée</dt>
          <dd className="col-sm-8">
            {r.decision.libelle}
            {typeof r.decision.rang === 'number' && <> · rang {r.decision.rang}</>}
            {c.rangListeComplementaire !== null && <> · rang sur la liste complémentaire : {c.rangListeComplementaire}</>}
          </dd>
          <dt className="col-sm-4">Réponse du candidat</dt>
          <dd className="col-sm-8">
            {c.reponse ? `${c.reponse.libelle}${c.reponse.date ? ` le ${dateLisible(c.reponse.date)}` : ''}${c.reponse.automatique ? ' (automatique)' : ''}` : '—'}
            {c.codeOpi && <> · code OPI {c.codeOpi}</>}
          </dd>
          <dt className="col-sm-4">Candidature</dt>
          <dd className="col-sm-8">
            créée le {dateLisible(r.createdAt)}
            {r.transmiseAt && <>, transmise le {dateLisible(r.transmiseAt)}</>}
            {r.annuleeAt && <>, annulée le {dateLisible(r.annuleeAt)}</>}
          </dd>
        </dl>
        <Stack direction="horizontal" gap={2} className="mt-3 flex-wrap">
          <Button variant="outline-primary" onClick={() => void telecharger('dossier')}>
            Télécharger le dossier (PDF)
          </Button>
          <Button variant="outline-primary" onClick={() => void telecharger('lettre')}>
            Aperçu de la lettre (PDF)
          </Button>
        </Stack>
        <Probleme erreur={erreurPdf} />
      </Section>
      <EtiquettesCandidature c={c} />
      <Section titre="Pièces justificatives">
        <PiecesCandidature candidatureId={c.id} pieces={r.pieces} demat={r.formation.demat} />
      </Section>
      <Section titre="Agir pour le candidat">
        <AgirPourCandidat c={c} />
      </Section>
      <Section titre="Statut du dossier">
        <StatutDossier c={c} />
      </Section>
      <Section titre="Type de traitement">
        <TypeTraitement c={c} />
      </Section>
      <Section titre="Avis">
        <Avis c={c} />
      </Section>
      <Section titre="Délais">
        <Delais c={c} />
      </Section>
      <Section titre="Bloc-notes">
        <BlocNotes c={c} />
      </Section>
      <Section titre="Dossier du candidat">
        <DossierCandidat dossier={c.dossier} />
      </Section>
      {peutEffacerCandidats(roles) && (
        <Section titre="Données personnelles (RGPD)">
          <Suspense fallback={<Chargement />}>
            <DonneesCandidat numeroDossier={c.numeroDossier} nom={nom} />
          </Suspense>
        </Section>
      )}
    </>
  );
}

const rafraichir = () => void queryClient.invalidateQueries();

function StatutDossier({ c }: { c: Detail }) {
  const statut = $api.useMutation('post', '/api/candidatures/statut-dossier', { onSuccess: rafraichir });
  return (
    <Form
      noValidate
      aria-label="Changer le statut du dossier"
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        statut.mutate({ body: { candidatureIds: [c.id], statut: v.statut as Schemas['StatutDossier'], ...(v.date ? { date: v.date } : {}) } });
      }}
    >
      <Probleme erreur={statut.error} />
      {statut.isSuccess && <Succes>Statut du dossier enregistré : {statut.data.candidatures[0]?.statutDossier.libelle}. Le candidat est prévenu par mail.</Succes>}
      <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
        <ChampGestion nom="statut" libelle="Nouveau statut" options={STATUTS_DOSSIER} defaultValue={c.recapitulatif.statutDossier.code} erreur={statut.error} required />
        <ChampGestion nom="date" libelle="Date (aujourd’hui si vide)" type="date" erreur={statut.error} />
        <Button type="submit" className="mb-3" disabled={statut.isPending}>
          Enregistrer le statut
        </Button>
      </Stack>
    </Form>
  );
}

function TypeTraitement({ c }: { c: Detail }) {
  const type = $api.useMutation('post', '/api/candidatures/type-traitement', { onSuccess: rafraichir });
  const validation = $api.useMutation('post', '/api/candidatures/type-traitement/validation', { onSuccess: rafraichir });
  const t = c.recapitulatif.typeTraitement;
  return (
    <>
      <Probleme erreur={type.error ?? validation.error} />
      {(type.isSuccess || validation.isSuccess) && <Succes>Type de traitement enregistré.</Succes>}
      <Form
        noValidate
        aria-label="Changer le type de traitement"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          type.mutate({ body: { candidatureIds: [c.id], typeTraitement: v.typeTraitement as Schemas['TypeTraitement'] } });
        }}
      >
        <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
          <ChampGestion nom="typeTraitement" libelle="Type de traitement" options={TYPES_TRAITEMENT} defaultValue={t.code} erreur={type.error} required />
          <Button type="submit" className="mb-3" disabled={type.isPending}>
            Enregistrer le type
          </Button>
          {!t.valide && (
            <Button variant="outline-primary" className="mb-3" disabled={validation.isPending} onClick={() => validation.mutate({ body: { candidatureIds: [c.id] } })}>
              Valider le type de traitement
            </Button>
          )}
        </Stack>
      </Form>
    </>
  );
}

function Avis({ c }: { c: Detail }) {
  const dernier = c.avis[0];
  const validation = $api.useMutation('post', '/api/candidatures/avis/validation', { onSuccess: rafraichir });
  const suppression = $api.useMutation('delete', '/api/candidatures/{id}/avis/dernier', { onSuccess: rafraichir });
  return (
    <>
      {c.avis.length === 0 ? (
        <p>Aucun avis.</p>
      ) : (
        <Table responsive size="sm">
          <caption className="visually-hidden">Historique des avis, le plus récent en premier</caption>
          <thead>
            <tr>
              <th scope="col">Avis</th>
              <th scope="col">Précisions</th>
              <th scope="col">Saisi</th>
              <th scope="col">Validation</th>
            </tr>
          </thead>
          <tbody>
            {c.avis.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.libelle}</th>
                <td>
                  {[
                    a.motifLibelle,
                    a.rang !== null ? `rang ${a.rang}` : null,
                    a.preselectionDate ? `entretien le ${dateLisible(a.preselectionDate)} à ${a.preselectionHeure ?? ''}, ${a.preselectionLieu ?? ''}` : null,
                    a.commentaire ? `« ${a.commentaire} »${a.commentaireVisible ? ' (vu par le candidat)' : ''}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
                <td>
                  {dateLisible(a.createdAt)} par {a.creePar}
                </td>
                <td>
                  {a.valide ? `Validé${a.valideAt ? ` le ${dateLisible(a.valideAt)}` : ''}${a.validePar ? ` par ${a.validePar}` : ''}${a.publieAt ? ', publié' : ', en attente de publication'}` : 'Non validé'}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Probleme erreur={validation.error ?? suppression.error} />
      {validation.isSuccess && <Succes>Avis validé : le candidat en est informé (aussitôt, ou à la date de publication de la formation).</Succes>}
      {dernier && !dernier.valide && (
        <Stack direction="horizontal" gap={2} className="mb-4 flex-wrap">
          <Button disabled={validation.isPending} onClick={() => validation.mutate({ body: { candidatureIds: [c.id] } })}>
            Valider l’avis « {dernier.libelle} »
          </Button>
          <Button variant="outline-danger" disabled={suppression.isPending} onClick={() => suppression.mutate({ params: { path: { id: c.id } } })}>
            Supprimer cet avis
          </Button>
        </Stack>
      )}
      <h3 className="h5">Nouvel avis</h3>
      <FormulaireAvis candidatureIds={[c.id]} />
    </>
  );
}

function Delais({ c }: { c: Detail }) {
  const dates = c.recapitulatif.dates;
  const delais = $api.useMutation('put', '/api/candidatures/{id}/dates', { onSuccess: rafraichir });
  return (
    <Form
      noValidate
      aria-label="Délais de la candidature"
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        delais.mutate({ params: { path: { id: c.id } }, body: { dateRetour: v.dateRetour || null, dateConfirmation: v.dateConfirmation || null } });
      }}
    >
      <p>
        Date limite de retour : {dateLisible(dates.limiteRetour)} · date limite de confirmation :{' '}
        {dates.confirmation ? dateLisible(dates.confirmation) : dates.delaiConfirmation ? `${dates.delaiConfirmation} jours après la décision` : '—'}
      </p>
      <Probleme erreur={delais.error} />
      {delais.isSuccess && <Succes>Délais enregistrés.</Succes>}
      <Row>
        <Col md={4}>
          <ChampGestion nom="dateRetour" libelle="Nouvelle date limite de retour" type="date" erreur={delais.error} aide="Vide : celle de la formation." />
        </Col>
        <Col md={4}>
          <ChampGestion nom="dateConfirmation" libelle="Nouvelle date limite de confirmation" type="date" erreur={delais.error} aide="Vide : celle de la formation." />
        </Col>
      </Row>
      <Button type="submit" disabled={delais.isPending}>
        Enregistrer les délais
      </Button>
    </Form>
  );
}

function BlocNotes({ c }: { c: Detail }) {
  const [cle, setCle] = useState(0);
  const note = $api.useMutation('post', '/api/candidatures/{id}/notes', {
    onSuccess: () => {
      setCle(cle + 1);
      rafraichir();
    },
  });
  return (
    <>
      {c.notes.length === 0 ? (
        <p>Aucune note.</p>
      ) : (
        <ul className="list-unstyled">
          {c.notes.map((n) => (
            <li key={n.id} className="border-start border-3 ps-2 mb-2">
              <div className="small text-body-secondary">
                {n.auteur}, le {dateLisible(n.createdAt)}
              </div>
              {n.message}
              <SupprimerNote candidatureId={c.id} note={n} />
            </li>
          ))}
        </ul>
      )}
      <Form
        key={cle}
        noValidate
        aria-label="Ajouter une note"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          note.mutate({ params: { path: { id: c.id } }, body: { message: v.message } });
        }}
      >
        <Probleme erreur={note.error} />
        <ChampGestion nom="message" libelle="Nouvelle note (vue du personnel seulement)" lignes={2} erreur={note.error} required />
        <Button type="submit" disabled={note.isPending}>
          Ajouter la note
        </Button>
      </Form>
    </>
  );
}
