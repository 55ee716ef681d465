import { ATTRIBUTES, list, optionsFromAttributes } from './attributes';
import { configure } from './clients';
import { type Mounted, mountWidget } from './mount';
import {
  type EmbedConfig,
  type EmbedOptions,
  SHARED,
  validateOptions,
  WIDGETS,
  type WidgetName,
} from './options';

export function defineElement(tag: string, name: WidgetName) {
  const allowed = [...SHARED, ...WIDGETS[name]];
  class ProfileKitElement extends HTMLElement {
    static observedAttributes = Object.keys(ATTRIBUTES);
    #mounted: Mounted | null = null;
    #started = false;
    #options: EmbedOptions = {};
    /** A gate's content, kept out of sight while its options are wrong: the gate fails closed. */
    #held: DocumentFragment | null = null;

    /** Options that attributes cannot carry, such as callbacks; attributes win over them. */
    get options(): EmbedOptions {
      return this.#options;
    }
    set options(value: EmbedOptions) {
      this.#options = value;
      this.#update();
    }

    connectedCallback() {
      // Parsed from HTML before its children: wait for them, since a gate's children are its content.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => this.#update(), { once: true });
      } else this.#update();
    }

    disconnectedCallback() {
      this.#mounted?.unmount();
      this.#mounted = null;
    }

    attributeChangedCallback() {
      // Before the first connection the attributes are read then; afterwards every change re-renders,
      // including the change that fixes an attribute the widget refused.
      if (this.#started) this.#update();
    }

    #update() {
      if (!this.isConnected) return;
      this.#started = true;
      try {
        const options: EmbedOptions = {
          ...this.#options,
          ...optionsFromAttributes(this, allowed),
          onSuccess: (detail) => {
            this.#options.onSuccess?.(detail);
            this.dispatchEvent(
              new CustomEvent('profilekit-success', { detail, bubbles: true, composed: true }),
            );
          },
          onError: (detail) => {
            this.#options.onError?.(detail);
            this.dispatchEvent(
              new CustomEvent('profilekit-error', { detail, bubbles: true, composed: true }),
            );
          },
        };
        if (!WIDGETS[name].includes('onSuccess')) {
          delete options.onSuccess;
          delete options.onError;
        }
        validateOptions(name, options);
        if (this.#mounted) {
          this.#mounted.render(options);
          return;
        }
        this.querySelector(':scope > [data-profilekit-error]')?.remove();
        this.shadowRoot?.querySelector('[data-profilekit-error]')?.remove();
        if (this.#held) this.append(this.#held);
        this.#held = null;
        this.#mounted = mountWidget(this, name, options);
      } catch (error) {
        console.error(error);
        this.#mounted?.unmount();
        this.#mounted = null;
        const message = document.createElement('p');
        message.dataset.profilekitError = '';
        message.setAttribute('role', 'alert');
        message.textContent = error instanceof Error ? error.message : String(error);
        if (this.shadowRoot) this.shadowRoot.replaceChildren(message);
        else {
          this.#held ??= document.createDocumentFragment();
          this.#held.append(...this.childNodes);
          this.append(message);
        }
      }
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, ProfileKitElement);
}

/**
 * Reads shared settings from the script tag: `<script src=".../embed.js" data-base-url="..." data-auth-mode="bearer"
 * data-questionnaire='{"questions":[...]}'>`.
 */
export function configureFromScript() {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const { baseUrl, authMode, theme, shadow, socialProviders, questionnaire } = script.dataset;
  try {
    configure({
      // `data-questionnaire`: the questionnaire as JSON, host questions included (defineQuestionnaire's result).
      ...(questionnaire !== undefined ? { questionnaire: JSON.parse(questionnaire) } : {}),
      ...(baseUrl !== undefined ? { baseURL: baseUrl } : {}),
      ...(authMode !== undefined ? { authMode: authMode as EmbedConfig['authMode'] } : {}),
      ...(theme !== undefined ? { theme: theme as EmbedConfig['theme'] } : {}),
      ...(shadow !== undefined ? { shadow: shadow !== 'false' } : {}),
      ...(socialProviders !== undefined ? { socialProviders: list(socialProviders) } : {}),
    });
  } catch (error) {
    console.error(error);
  }
}
