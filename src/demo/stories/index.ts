import type { Story } from '../story.ts';
import { readerWriterStory } from './reader-writer.ts';
import { lutzStory } from './lutz.ts';
import { blogStory } from './blog.ts';
import { canaryStory } from './canary.ts';

/** Every story `stepwise demo --story NAME` can play; the first is the default. */
export const STORIES: readonly Story[] = [readerWriterStory, lutzStory, blogStory, canaryStory];
