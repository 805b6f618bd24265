// Swagger UI for /docs (a file, not an inline script: the Content-Security-Policy allows no inline script).
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi, dom_id: "#swagger-ui", deepLinking: true,
    validatorUrl: null,  // the default sends the schema to validator.swagger.io
    presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
  });
});
