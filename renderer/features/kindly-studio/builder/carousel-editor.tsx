import { readAliasedKey } from '../../../../shared/kindly/reply-readers.js';
import { insertItem, setAt } from '../model/reply-edit.js';
import type { PathSegments } from '../model/reply-json-schema.js';
import { IMAGE_URL_KEY, LINK_URL_KEY, newCarouselCard } from '../model/reply-parts.js';
import { useBuilder } from './builder-context.js';
import { ButtonsEditor } from './buttons-editor.js';
import {
  AddButton,
  arrayAt,
  Block,
  IssueHints,
  ItemActions,
  NotEditable,
  objectAt,
  TextInput,
} from './controls.js';

function CardEditor({ index, count }: { index: number; count: number }) {
  const { root, update } = useBuilder();
  const path: PathSegments = ['image_carousel', index];
  const card = objectAt(root, path);
  const actions = (
    <ItemActions arrayPath={['image_carousel']} index={index} count={count} name={`card ${index + 1}`} />
  );
  if (!card) {
    return (
      <Block path={path} title={`Card ${index + 1}`} actions={actions}>
        <NotEditable what="This card" />
      </Block>
    );
  }
  // Edit the URL under the key it was sent with (`imageurl`, `image_url`…); new ones use camelCase.
  const imageKey = readAliasedKey(card, IMAGE_URL_KEY)?.key ?? IMAGE_URL_KEY;
  const linkKey = readAliasedKey(card, LINK_URL_KEY)?.key ?? LINK_URL_KEY;
  return (
    <Block path={path} title={`Card ${index + 1}`} actions={actions} className="ks-card-block">
      <div className="ks-grid">
        <TextInput path={[...path, 'id']} label="Card ID" optional={false} mono />
        <TextInput path={[...path, 'title']} label="Title" />
        <TextInput path={[...path, 'description']} label="Description" wide />
        <TextInput
          path={[...path, imageKey]}
          label={`Image URL (${imageKey})`}
          mono
          wide
          placeholder="https://…"
        />
        <TextInput
          path={[...path, linkKey]}
          label={`Link URL (${linkKey})`}
          mono
          wide
          placeholder="https://…"
        />
      </div>
      {Object.hasOwn(card, 'buttons') ? (
        <ButtonsEditor arrayPath={[...path, 'buttons']} place="carousel" />
      ) : (
        <AddButton
          label="Add card buttons"
          onClick={() => update((current) => setAt(current, [...path, 'buttons'], []))}
        />
      )}
    </Block>
  );
}

/** `image_carousel`: cards with an image, texts, a link and their own buttons. */
export function CarouselEditor() {
  const { root, update } = useBuilder();
  const cards = arrayAt(root, ['image_carousel']);
  if (!cards) return <NotEditable what="“image_carousel”" />;
  return (
    <div className="ks-list">
      {cards.map((_, index) => (
        <CardEditor key={index} index={index} count={cards.length} />
      ))}
      <IssueHints path={['image_carousel']} />
      <AddButton
        label="Add card"
        onClick={() =>
          update((current) =>
            insertItem(
              current,
              ['image_carousel'],
              newCarouselCard(arrayAt(current, ['image_carousel']) ?? []),
            ),
          )
        }
      />
    </div>
  );
}
