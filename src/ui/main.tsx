import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Django Session Playground</h1>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
