import { useRef } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { Cadre } from '../commun/Champ';
import { ChampGestion } from '../gestion/ChampGestion';
import { horodatage, relire } from './outils';

/** An instant of the API as a datetime-local field shows it (the browser's time, here Paris'). */
function pourChamp(instant: string | null): string {
  if (!instant) return '';
  const d = new Date(instant);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The maintenance mode (administrators): on, candidates get 503 with the message (and Retry-After until its end), staff
 * keep working; off, everyone works. Every instance follows within two seconds.
 */
export default function Maintenance() {
  const etat = $api.useQuery('get', '/api/admin/maintenance');
  const formulaire = useRef<HTMLFormElement>(null);
  const modification = $api.useMutation('put', '/api/admin/maintenance', {
    onSuccess: () => relire('/api/admin/maintenance'),
  });
  const m = etat.data;
  const changer = (active: boolean) => {
    const v = Object.fromEntries([...new FormData(formulaire.current!).entries()].map(([k, x]) => [k, String(x).trim()]));
    modification.mutate({ body: { active, ...(v.message ? { message: v.message } : {}), ...(active && v.fin ? { fin: new Date(v.fin).toISOString() } : {}) } });
  };
  return (
    <Page titre="Maintenance">
      {etat.isPending && <Chargement />}
      <Probleme erreur={etat.error} />
      {m && (
        <>
          <Alert variant={m.enCours ? 'warning' : 'success'} data-testid="etat-maintenance">
            {m.enCours
              ? `Maintenance en cours : les candidats ne peuvent plus se connecter${m.fin ? ` jusqu’au ${horodatage(m.fin)}` : ''}. Le personnel continue de travailler.`
              : m.active
                ? 'Maintenance activée, mais son heure de fin est passée : les candidats ont de nouveau accès à la plateforme.'
                : 'Plateforme ouverte aux candidats.'}
            {m.modifiePar && m.updatedAt && (
              <div className="small">
                Dernier changement par {m.modifiePar} le {horodatage(m.updatedAt)}.
              </div>
            )}
          </Alert>
          <Form
            ref={formulaire}
            key={m.updatedAt ?? 'jamais'}
            noValidate
            aria-label="Mode maintenance"
            onSubmit={(e) => {
              e.preventDefault();
              changer(true);
            }}
          >
            <Probleme erreur={modification.error} />
            {modification.isSuccess && <Succes>{modification.data.active ? 'Maintenance activée.' : 'Maintenance désactivée : les candidats ont de nouveau accès à la plateforme.'}</Succes>}
            <ChampGestion
              nom="message"
              libelle="Message aux candidats"
              lignes={3}
              defaultValue={m.message ?? ''}
              aide="Vide : une phrase générale. En français."
              erreur={modification.error}
            />
            <Row>
              <Col md={6}>
                <Cadre nom="fin" libelle="Fin prévue (heure de Paris)" aide="Facultative : la maintenance s’arrête seule à cette heure, annoncée aux candidats (Retry-After)." erreur={modification.error}>
                  {(attributs) => <Form.Control type="datetime-local" {...attributs} defaultValue={pourChamp(m.fin)} />}
                </Cadre>
              </Col>
            </Row>
            <Stack direction="horizontal" gap={2} className="flex-wrap">
              <Button type="submit" variant={m.active ? 'primary' : 'warning'} disabled={modification.isPending}>
                {m.active ? 'Mettre à jour la maintenance' : 'Activer la maintenance'}
              </Button>
              {m.active && (
                <Button variant="outline-success" disabled={modification.isPending} onClick={() => changer(false)}>
                  Désactiver la maintenance
                </Button>
              )}
            </Stack>
          </Form>
        </>
      )}
    </Page>
  );
}
