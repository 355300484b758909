import { useId, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@client';
import { Cadre } from '../commun/Champ';
import { Probleme, Succes } from '../commun/Probleme';

/** What the generated client answers (`api.PUT(…)`, `api.DELETE(…)`). */
type Reponse = Promise<{ data?: unknown; error?: unknown }>;

/** The words of one image: its title, its buttons, what is said once done. */
export interface TextesImage {
  titre: string;
  envoyer: string;
  retirer: string;
  enregistree: string;
  retiree: string;
}

const FORMATS: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** The multipart body of an upload (the contract types the binary part as a string: the FormData carries the file). */
export function envoiFichier(fichier: File) {
  return {
    body: { fichier: fichier.name },
    bodySerializer: () => {
      const donnees = new FormData();
      donnees.append('fichier', fichier);
      return donnees;
    },
  };
}

async function reussite(reponse: Reponse): Promise<void> {
  const { error } = await reponse;
  if (error) throw error;
}

/**
 * An image of the letters (logo, signature): whether one is set, a file to send in its place (PNG or JPEG, 1 Mo: the
 * API's refusal, such as an image it cannot draw, is shown under the field) and its removal. `onChange` reads the
 * settings again.
 */
export function ImageLettre({ textes, image, envoyer, retirer, onChange }: { textes: TextesImage; image: Schemas['ImageLettreDto'] | null; envoyer: (fichier: File) => Reponse; retirer: () => Reponse; onChange: () => unknown }) {
  const id = useId();
  const [fichier, setFichier] = useState<File | null>(null);
  const [cle, setCle] = useState(0);
  const depot = useMutation({
    mutationFn: (f: File) => reussite(envoyer(f)),
    onSuccess: () => {
      retrait.reset();
      setFichier(null);
      setCle((n) => n + 1);
      return onChange();
    },
  });
  const retrait = useMutation({
    mutationFn: () => reussite(retirer()),
    onSuccess: () => {
      depot.reset();
      return onChange();
    },
  });
  return (
    <section aria-labelledby={id} className="mb-3">
      <h3 id={id} className="h5">
        {textes.titre}
      </h3>
      <p>{image ? `Image ${FORMATS[image.type] ?? image.type} enregistrée : les lettres l’impriment.` : 'Aucune image : les lettres s’en passent.'}</p>
      <Probleme erreur={depot.error ?? retrait.error} />
      {depot.isSuccess && <Succes>{textes.enregistree}</Succes>}
      {retrait.isSuccess && <Succes>{textes.retiree}</Succes>}
      <Form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (fichier) depot.mutate(fichier);
        }}
      >
        <Cadre nom="fichier" libelle={`Fichier : ${textes.titre.toLowerCase()}`} aide="Image PNG ou JPEG, 1 Mo au plus." erreur={depot.error}>
          {(attributs) => <Form.Control key={cle} type="file" accept="image/png,image/jpeg" {...attributs} onChange={(e) => setFichier((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />}
        </Cadre>
        <Stack direction="horizontal" gap={2} className="flex-wrap">
          <Button type="submit" variant="outline-primary" disabled={!fichier || depot.isPending}>
            {textes.envoyer}
          </Button>
          <Button variant="outline-danger" disabled={!image || retrait.isPending} onClick={() => retrait.mutate()}>
            {textes.retirer}
          </Button>
        </Stack>
      </Form>
    </section>
  );
}
