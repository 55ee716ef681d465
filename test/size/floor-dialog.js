// The whole dependency floor: the forms' (floor-forms.js) and Radix Dialog, as the dialog frame uses it.
import * as Dialog from '@radix-ui/react-dialog';
import { forms } from './floor-forms.js';

console.log(forms, Dialog.Root, Dialog.Portal, Dialog.Overlay, Dialog.Content, Dialog.Title, Dialog.Close);
