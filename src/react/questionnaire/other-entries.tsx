import { useRef, useState } from 'react';
import { get, type UseFormReturn } from 'react-hook-form';
import type { Cx } from '../types/appearance-props';
import type { BackgroundValues, MultiField } from '../types/form-values';
import type { Translate } from '../types/message-keys';
import { splitList } from './form-model';
import { cross } from './question-parts';

/**
 * "Other" answers as chips: type one, Enter or a comma (Latin, Arabic or ideographic) adds it, each chip's button (or Backspace in the
 * empty box) removes it. The form keeps them as one comma-separated text, as the profile model expects;
 * whatever is typed but not yet added is added when the box loses focus, so nothing typed is lost.
 */
export function OtherEntries({
  name,
  form,
  id,
  invalid,
  describedBy: described,
  t,
  cx,
}: {
  name: MultiField;
  form: UseFormReturn<BackgroundValues>;
  id: string;
  invalid: boolean;
  describedBy: string;
  t: Translate;
  cx: Cx;
}) {
  // Read with watch and written with setValue: react-hook-form's controller would cost more bytes than this.
  const path = `other.${name}` as const;
  const entries = splitList(form.watch(path));
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const commit = (next: string[]) =>
    form.setValue(path, next.join(', '), {
      shouldDirty: true,
      shouldValidate: Boolean(get(form.formState.errors, path)),
    });
  /** Adds the entries of `raw` that are not there yet (in any letter case). */
  const add = (raw: string) => {
    const next = [...entries];
    for (const entry of splitList(raw)) {
      if (!next.some((e) => e.toLowerCase() === entry.toLowerCase())) next.push(entry);
    }
    if (next.length > entries.length) commit(next);
  };
  const addTyped = () => {
    add(text);
    setText('');
  };
  return (
    <div className={cx('chips')}>
      {entries.map((entry, index) => (
        <span key={entry} className={cx('chip')}>
          <bdi>{entry}</bdi>
          <button
            type="button"
            aria-label={t('field.otherRemove', { value: entry })}
            onClick={() => {
              commit(entries.filter((_, i) => i !== index));
              input.current?.focus();
            }}
          >
            {cross}
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        autoComplete="off"
        enterKeyHint="enter"
        className={cx('input')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        ref={input}
        onChange={(event) => {
          // Everything up to the last comma is added; the rest stays in the box. While an input method
          // is composing (Japanese, Chinese), the text is not final yet: nothing is added.
          const value = event.target.value;
          if ((event.nativeEvent as InputEvent).isComposing) return setText(value);
          const cut = value.search(/[^,\u060C\u3001\uFF0C]*$/);
          add(value.slice(0, cut));
          setText(value.slice(cut).trimStart());
        }}
        onKeyDown={(event) => {
          // Enter that ends a composition confirms the composed text; it adds nothing.
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          if (event.key === 'Enter') {
            // Enter adds the entry; it does not submit the form.
            event.preventDefault();
            addTyped();
          } else if (event.key === 'Backspace' && text === '' && entries.length > 0) {
            commit(entries.slice(0, -1));
          }
        }}
        onBlur={addTyped}
      />
    </div>
  );
}
