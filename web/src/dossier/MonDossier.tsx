import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { SectionAdresse } from './Adresse';
import { SectionBac } from './Bac';
import { SectionCursusExterne, SectionCursusInterne, SectionExperiencesPro, SectionStages } from './Cursus';
import { SectionIdentite } from './Identite';
import { TEXTES_DOSSIER } from './textes';

const SECTIONS = ['identite', 'adresse', 'bac', 'cursus-interne', 'cursus-externe', 'stages', 'experiences-pro'] as const;

/**
 * « Mon dossier »: every section of the candidate's file (GET /api/candidat/dossier), what is still missing before
 * applying as the API says it, each section saved on its own with the version read (If-Match).
 */
export default function MonDossier() {
  const t = useTextes(TEXTES_DOSSIER);
  const dossier = $api.useQuery('get', '/api/candidat/dossier');
  const d = dossier.data;
  const section = (id: (typeof SECTIONS)[number], contenu: React.ReactNode) => (
    <section key={id} aria-labelledby={`titre-${id}`} className="mb-5">
      <h2 id={`titre-${id}`} className="h4 border-bottom pb-2" tabIndex={-1}>
        {t.sections[id]}
      </h2>
      <div id={id}>{contenu}</div>
    </section>
  );
  return (
    <Page titre={t.monDossier}>
      <p>
        <Link to="/mon-espace">{t.retourEspace}</Link>
      </p>
      {dossier.isPending && <Chargement />}
      <Probleme erreur={dossier.error} />
      {d && (
        <>
          <p>
            {t.numeroDossier} <strong>{d.numeroDossier}</strong>
            {t.adresseEmail(d.email)}
          </p>
          {d.complet ? (
            <div className="alert alert-success" data-testid="dossier-complet">
              {t.complet}
            </div>
          ) : (
            <div className="alert alert-warning" data-testid="manquants">
              <h2 className="h5">{t.avantDeCandidater}</h2>
              <ul className="mb-0">
                {d.manquants.map((m) => (
                  <li key={m.libelle}>
                    <a href={`#titre-${m.section}`} lang="fr">
                      {m.libelle}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <nav aria-label={t.sectionsDuDossier} className="mb-4">
            <ul className="nav nav-pills flex-wrap">
              {SECTIONS.map((s) => (
                <li key={s} className="nav-item">
                  <a className="nav-link" href={`#titre-${s}`}>
                    {t.sections[s]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {section('identite', <SectionIdentite identite={d.identite ?? null} />)}
          {section('adresse', <SectionAdresse adresse={d.adresse ?? null} />)}
          {section('bac', <SectionBac bac={d.bac ?? null} />)}
          {section('cursus-interne', <SectionCursusInterne cursus={d.cursusInterne} />)}
          {section('cursus-externe', <SectionCursusExterne lignes={d.cursus.cursusExterne} />)}
          {section('stages', <SectionStages lignes={d.cursus.stages} />)}
          {section('experiences-pro', <SectionExperiencesPro lignes={d.cursus.experiencesPro} />)}
        </>
      )}
    </Page>
  );
}
