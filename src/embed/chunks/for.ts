// The code of <profilekit-for>, loaded the first time one is on the page: its children show while the
// signed-in person's background meets its condition, and are chosen again after each save on the page.
// The element chunks import each component's own module, never the React entry: a re-export there would
// put its code (this one's matcher included) in the chunk every element shares.
import { checkCondition } from '../../client/match';
import { ForBackground } from '../../react/profile/for-background';
import type { WidgetChunk } from '../contract';
import { mountWith } from '../mount';
import type { EmbedOptions } from '../options';

const show = mountWith(ForBackground as unknown as Parameters<typeof mountWith>[0], { gate: true });

/** The condition checked against the questionnaire before anything renders: a mistake names its path. */
const checked = (options: EmbedOptions) => {
  checkCondition(options.when, options.questionnaire);
  return options;
};

export const mount: WidgetChunk['mount'] = (place, options) => {
  const mounted = show(place, checked(options));
  return { render: (next) => mounted.render(checked(next)), unmount: () => mounted.unmount() };
};
