import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickHost } from './pickHost';

/** Entry of taskpane.html: find out where the pane runs, then show it. */
void pickHost().then((picked) => {
  createRoot(document.getElementById('root')!).render(<App picked={picked} />);
});
