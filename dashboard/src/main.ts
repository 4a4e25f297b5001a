import { mount } from "svelte"
import App from "./App.svelte"
import "./app.css"

const target = document.getElementById("app")
if (!target) {
  throw new Error("Order Rhythm: the page has no #app element to mount the wall into")
}

export default mount(App, { target })
