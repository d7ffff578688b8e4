"""What a person sees: message text through the prompt catalogue, keyboards, button data,
command menus, charts and reports. Nothing here reads or writes the store."""
