import { render } from 'preact';
import '../../components/ui.css';
import './library.css';
import { LibraryApp } from './App.tsx';

render(<LibraryApp />, document.getElementById('app')!);
