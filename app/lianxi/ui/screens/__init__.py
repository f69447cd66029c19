"""One module per screen; each screen owns its own key bindings and handlers."""
