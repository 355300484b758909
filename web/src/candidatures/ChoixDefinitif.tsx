import { useId, useRef, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useTextes } from '../commun/langue';
import { Probleme } from '../commun/Probleme';
import { TEXTES_CANDIDATURES } from './textes';

interface ChoixDefinitifProps {
  ouvert: boolean;
  titre: string;
  /** What the choice does and why it cannot be undone. */
  children: React.ReactNode;
  /** The button that commits the choice (« Oui, je me désiste »). */
  libelleAction: string;
  variante?: 'primary' | 'danger';
  enCours: boolean;
  erreur: unknown;
  onChoisir: () => void;
  onFermer: () => void;
}

/**
 * A choice that cannot be undone, asked explicitly: a modal dialog (focus kept inside it, Escape or « Revenir sans
 * rien changer » closes it and gives the focus back to the button that opened it), the consequences written out, a
 * box to tick saying so before the action's button works; the focus starts on the way back, never on the action.
 */
export function ChoixDefinitif({ ouvert, titre, children, libelleAction, variante = 'danger', enCours, erreur, onChoisir, onFermer }: ChoixDefinitifProps) {
  const id = useId();
  const t = useTextes(TEXTES_CANDIDATURES);
  const [compris, setCompris] = useState(false);
  const retour = useRef<HTMLButtonElement>(null);
  const contenu = useRef<HTMLDivElement>(null);
  /** Tab and Shift+Tab go round the dialog's controls: the focus never leaves it while it is open. */
  const garderLeFocus = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || !contenu.current) return;
    const elements = [...contenu.current.querySelectorAll<HTMLElement>('button, input, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => !el.hasAttribute('disabled'));
    if (elements.length === 0) return;
    const [premier, dernier] = [elements[0], elements[elements.length - 1]];
    if (e.shiftKey && document.activeElement === premier) {
      e.preventDefault();
      dernier.focus();
    } else if (!e.shiftKey && document.activeElement === dernier) {
      e.preventDefault();
      premier.focus();
    }
  };
  return (
    <Modal
      show={ouvert}
      onHide={onFermer}
      onEntered={() => retour.current?.focus()}
      onExited={() => setCompris(false)}
      aria-labelledby={`${id}-titre`}
      aria-describedby={`${id}-texte`}
      backdrop="static"
      centered
    >
      <div ref={contenu} onKeyDown={garderLeFocus}>
      <Modal.Header closeButton closeLabel={t.fermer}>
        <Modal.Title id={`${id}-titre`} as="h2" className="h5">
          {titre}
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <div id={`${id}-texte`}>{children}</div>
        <Form.Check id={`${id}-compris`} className="mt-3" checked={compris} onChange={(e) => setCompris(e.currentTarget.checked)} label={t.compris} />
        <div className="mt-3">
          <Probleme erreur={erreur} />
        </div>
      </Modal.Body>
      <Modal.Footer>
        <Button ref={retour} variant="outline-secondary" onClick={onFermer}>
          {t.revenir}
        </Button>
        <Button variant={variante} disabled={!compris || enCours} onClick={onChoisir}>
          {libelleAction}
        </Button>
      </Modal.Footer>
      </div>
    </Modal>
  );
}
