import { Fragment } from 'react';
import { Dialog } from '../../components/dialog.js';
import { closeModal } from '../../state/modal-actions.js';
import { shortcuts } from '../shell/features.js';
import { displayKeys, SHORTCUT_GROUPS, type ShortcutDefinition } from './shortcut-registry.js';

function Keys({ definition }: { definition: ShortcutDefinition }) {
  return (
    <>
      {displayKeys(definition).map((combo, index) => (
        <Fragment key={combo.join('+')}>
          {index > 0 && <span className="shortcut-or"> or </span>}
          {combo.map((key, keyIndex) => (
            <Fragment key={key}>
              {keyIndex > 0 && <span className="shortcut-plus">+</span>}
              <kbd>{key}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** Every shortcut of the app, by group (`?`, Help › Keyboard shortcuts). */
export function ShortcutsDialog() {
  return (
    <Dialog title="Keyboard shortcuts" onClose={closeModal} size="wide">
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => {
          const items = shortcuts.filter((definition) => definition.group === group);
          if (items.length === 0) return null;
          return (
            <section key={group} className="shortcut-group" aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`}>{group}</h3>
              <table className="shortcut-table">
                <tbody>
                  {items.map((definition) => (
                    <tr key={definition.id}>
                      <th scope="row" className="shortcut-keys">
                        <Keys definition={definition} />
                      </th>
                      <td>
                        {definition.description}
                        {definition.where && <span className="shortcut-where"> — {definition.where}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
      <p className="form-help">
        Single keys do nothing while you type in a field or an editor, or while a dialog is open.
      </p>
    </Dialog>
  );
}
