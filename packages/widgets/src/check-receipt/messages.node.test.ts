import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the check receipt', messages);
