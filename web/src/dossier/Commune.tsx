import { useEffect, useId, useState } from 'react';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Cadre } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { useCommune } from './referentiels';
import { TEXTES_DOSSIER } from './textes';

type Commune = Schemas['CommuneDto'];

interface CommuneProps {
  /** The body's field for the INSEE code (a hidden input carries it). */
  nom: string;
  libelle: string;
  /** The code saved, shown by its name. */
  code?: string | null;
  codePostal?: string | null;
  /** Only the communes of this département. */
  departement?: string;
  erreur?: unknown;
  required?: boolean;
  /** A commune was chosen (or the text cleared: null). */
  onChoix?: (commune: Commune | null) => void;
}

/**
 * A commune typed and chosen among those the reference data proposes (GET /api/referentiels/communes?q=): the ARIA
 * combobox pattern (arrows, Enter, Escape; the number of proposals announced), the INSEE code sent in `nom`.
 */
export function ChoixCommune({ nom, libelle, code, codePostal, departement, erreur, required = true, onChoix }: CommuneProps) {
  const id = useId();
  const t = useTextes(TEXTES_DOSSIER);
  const liste = `${id}-liste`;
  const enregistree = useCommune(code, codePostal);
  const [choisie, setChoisie] = useState<Commune | null>(null);
  const [texte, setTexte] = useState('');
  const [recherche, setRecherche] = useState('');
  const [ouvert, setOuvert] = useState(false);
  const [active, setActive] = useState(-1);

  // The saved commune, once its name is known (and until the candidate types another).
  useEffect(() => {
    if (enregistree && !choisie) {
      setChoisie(enregistree);
      setTexte(nomCommune(enregistree));
    }
  }, [enregistree, choisie]);

  useEffect(() => {
    const minuteur = setTimeout(() => setRecherche(texte.trim()), 250);
    return () => clearTimeout(minuteur);
  }, [texte]);

  const cherche = ouvert && recherche.length >= 2;
  const { data } = $api.useQuery('get', '/api/referentiels/communes', { params: { query: { q: recherche, departement: departement || undefined, limit: 10 } } }, { enabled: cherche });
  const propositions = cherche ? (data?.items ?? []) : [];
  const visible = ouvert && propositions.length > 0;

  const choisir = (commune: Commune) => {
    setChoisie(commune);
    setTexte(nomCommune(commune));
    setOuvert(false);
    setActive(-1);
    onChoix?.(commune);
  };

  return (
    <Cadre nom={nom} libelle={libelle} erreur={erreur} required={required} className="mb-3 position-relative" aide={t.aideCommune}>
      {({ name, ...attributs }) => (
        <>
          <Form.Control
            {...attributs}
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={visible}
            aria-controls={visible ? liste : undefined}
            aria-activedescendant={visible && active >= 0 ? `${liste}-${active}` : undefined}
            value={texte}
            onChange={(e) => {
              setTexte(e.target.value);
              setOuvert(true);
              setActive(-1);
              if (choisie) {
                setChoisie(null);
                onChoix?.(null);
              }
            }}
            onBlur={() => setOuvert(false)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && propositions.length > 0) {
                e.preventDefault();
                setOuvert(true);
                setActive((a) => (a + 1) % propositions.length);
              } else if (e.key === 'ArrowUp' && propositions.length > 0) {
                e.preventDefault();
                setActive((a) => (a <= 0 ? propositions.length - 1 : a - 1));
              } else if (e.key === 'Enter' && visible && active >= 0) {
                e.preventDefault();
                choisir(propositions[active]);
              } else if (e.key === 'Escape' && ouvert) {
                e.preventDefault();
                setOuvert(false);
              }
            }}
          />
          <input type="hidden" name={name} value={choisie?.code ?? ''} />
          {visible && (
            <ul id={liste} role="listbox" aria-label={t.propositions(libelle)} className="list-group position-absolute w-100 shadow z-3">
              {propositions.map((c, i) => (
                <li
                  key={c.code}
                  id={`${liste}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`list-group-item list-group-item-action${i === active ? ' active' : ''}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choisir(c);
                  }}
                >
                  {nomCommune(c)}
                </li>
              ))}
            </ul>
          )}
          <span className="visually-hidden" role="status">
            {cherche && data ? t.nombreCommunes(propositions.length) : ''}
          </span>
        </>
      )}
    </Cadre>
  );
}

/** « Orléans (45) », as the candidate picks it. */
export function nomCommune(c: Commune): string {
  return `${c.libelle} (${c.departement})`;
}
