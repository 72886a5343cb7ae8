// Runs before first paint so the page never flashes the wrong theme. Reads the stored choice
// ("light" | "dark"; absent means follow the system).
const script = `(function(){try{var t=localStorage.getItem("mockroom-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
